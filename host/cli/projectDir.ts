import { projectRoot } from '../../src/projectRoot'

/** The project's root folder (see src/projectRoot.ts for how it is found). */
export const projectDir = projectRoot
