import { makeTemplate } from './dbTemplate';

export default makeTemplate;
