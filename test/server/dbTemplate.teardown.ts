import { removeTemplate } from './dbTemplate';

export default removeTemplate;
