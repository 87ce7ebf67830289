import type { Access } from 'payload'

import { isPlatformAdmin } from './isPlatformAdmin'

/** Only platform admins, who run the register for all organisations. */
export const platformAdminOnly: Access = ({ req }) => isPlatformAdmin(req.user, req.payload)
