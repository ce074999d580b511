/**
 * The sample assessments bundled with the pane (assets/samples), so a sheet can be created and shown with nothing
 * to download. Imported as JSON: the bundler inlines them, and they are read by the same readAssessment as a file.
 */
import krs from '../../assets/samples/krs-2567.assessment.json';
import otop from '../../assets/samples/otop-2567.assessment.json';
import pte from '../../assets/samples/pte-2567.assessment.json';

export interface SampleAssessment {
  readonly id: string;
  readonly document: unknown;
}

export const SAMPLES: readonly SampleAssessment[] = [
  { id: 'pte-2567', document: pte },
  { id: 'otop-2567', document: otop },
  { id: 'krs-2567', document: krs },
];
