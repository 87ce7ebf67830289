import document from './aanleverapi-v1_0.openapi.json'

/**
 * The national register's submission API (aanleverapi v1.0) as published by MinBZK: the contract
 * every delivery is checked against before it is sent, and the fake register in the tests too.
 */
export const aanleverApiDocument: Record<string, unknown> = document
