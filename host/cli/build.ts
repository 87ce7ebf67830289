/** `npm run build`: builds the admin (Next.js production build) now, whether stale or not. */
import { ensureAdminBuild } from './adminBuild'
import { projectDir } from './projectDir'

ensureAdminBuild(projectDir, { force: true })
  .then((result) => {
    console.log(`Beheeromgeving gebouwd in ${result.seconds} s.`)
    process.exit(0)
  })
  .catch((error: unknown) => {
    console.error('Bouwen van de beheeromgeving is mislukt:', error)
    process.exit(1)
  })
