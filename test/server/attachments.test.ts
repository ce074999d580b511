import { attachmentCases } from './attachments.cases';

describe('attachments (embedded PGlite)', () => attachmentCases('memory'));
