import type { Endpoint } from 'payload'

import { plainLanguageEndpoint } from '../plainLanguage/plainLanguageEndpoint'

/** Endpoints on /api/algorithms: analysis for editors and the workflow's actions. */
export const algorithmEndpoints: Endpoint[] = [plainLanguageEndpoint]
