import { httpCases } from './http.cases';

describe('HTTP: OpenAPI, errors, limits, CORS (embedded PGlite)', () => httpCases('memory'));
