import type { AlgorithmRegisterOptions } from '../plugin/options'

/** Where the public pages are served when none is given. */
export const DEFAULT_PUBLIC_PAGES_BASE_PATH = '/algoritmes'

/** The base path of the public pages from the plugin option, or null when they are off. */
export function publicPagesBasePath(
  option: AlgorithmRegisterOptions['publicPages'],
): string | null {
  if (!option) return null
  return option.basePath ?? DEFAULT_PUBLIC_PAGES_BASE_PATH
}
