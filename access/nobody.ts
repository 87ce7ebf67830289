import type { Access } from 'payload'

/** Deny for everyone through every API. Internal code writes with overrideAccess. */
export const nobody: Access = () => false
