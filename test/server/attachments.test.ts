import { attachmentCases, fileStoreAttachmentCases } from './attachments.cases';

describe('attachments (embedded PGlite)', () => attachmentCases('memory'));
describe('attachments in a file store (embedded PGlite)', () => fileStoreAttachmentCases('memory'));
