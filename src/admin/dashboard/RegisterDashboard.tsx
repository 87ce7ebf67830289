import type { Payload, ServerProps } from 'payload'
import type React from 'react'

import type { Bilingual } from '../../i18n/localise'
import {
  adminLanguageOf,
  formatDate,
  formatDateTime,
  pickText,
  type AdminLanguage,
} from '../i18n/pickText'
import { collectTasks, type Task } from './collectTasks'
import { ProgressOverview } from './ProgressOverview'
import '../styles/registerAdmin.scss'

const EXCERPT = 160

function excerpt(text: string | null): string | null {
  if (!text) return null
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text
}

const TaskList: React.FC<{
  title: Bilingual
  tasks: Task[]
  language: AdminLanguage
  adminRoute: string
  detail: (task: Task) => React.ReactNode
  testId: string
}> = ({ title, tasks, language, adminRoute, detail, testId }) => {
  if (tasks.length === 0) return null
  return (
    <section className="ar-tasks__group" data-testid={testId}>
      <h3>
        {pickText(language, title)} <span className="ar-tasks__count">{tasks.length}</span>
      </h3>
      <ul className="ar-tasks__list">
        {tasks.map((task) => (
          <li key={task.id} className="ar-tasks__item">
            <a href={`${adminRoute}/collections/algorithms/${task.id}`}>{task.name}</a>
            {task.organisation && <span className="ar-panel__meta"> · {task.organisation}</span>}
            <div className="ar-tasks__detail">{detail(task)}</div>
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * The top of the dashboard: "Mijn taken" (what waits for the signed-in person as reviewer or
 * editor) and the progress of the register per organisation.
 */
export const RegisterDashboard = async ({
  payload,
  user,
  i18n,
}: ServerProps & { payload: Payload }): Promise<React.ReactElement | null> => {
  if (!user) return null
  const language = adminLanguageOf(i18n?.language)
  const text = (value: Bilingual) => pickText(language, value)
  const adminRoute = payload.config.routes.admin
  const tasks = await collectTasks(payload, user as { id: number; isPlatformAdmin?: boolean })
  const count = tasks.toReview.length + tasks.changesRequested.length + tasks.reviewsDue.length

  return (
    <div className="ar-dashboard">
      <section className="ar-tasks" data-testid="my-tasks">
        <div className="ar-tasks__header">
          <h2>{text({ nl: 'Mijn taken', en: 'My tasks' })}</h2>
          {tasks.canWrite && (
            <a
              className="btn btn--style-primary btn--size-medium"
              href={`${adminRoute}/collections/algorithms/create`}
            >
              {text({ nl: 'Nieuw algoritme beschrijven', en: 'Describe a new algorithm' })}
            </a>
          )}
        </div>
        {count === 0 && (
          <p>
            {text({ nl: 'Er wacht nu niets op u.', en: 'Nothing is waiting for you right now.' })}
          </p>
        )}
        <TaskList
          testId="tasks-to-review"
          title={{ nl: 'Wacht op uw beoordeling', en: 'Waiting for your review' }}
          tasks={tasks.toReview}
          language={language}
          adminRoute={adminRoute}
          detail={(task) => (
            <>
              {text({ nl: 'Ingediend', en: 'Submitted' })}
              {task.submittedByName
                ? text({ nl: ` door ${task.submittedByName}`, en: ` by ${task.submittedByName}` })
                : ''}
              {task.since ? `, ${formatDateTime(task.since, language)}` : ''}.
              {task.ownWork && (
                <span className="ar-tasks__note">
                  {' '}
                  {text({
                    nl: 'U werkte aan deze versie. Daarom moet een andere goedkeurder haar goedkeuren.',
                    en: 'You worked on this version, so another reviewer has to approve it.',
                  })}
                </span>
              )}
            </>
          )}
        />
        <TaskList
          testId="tasks-changes-requested"
          title={{ nl: 'Teruggezet: aanpassingen gevraagd', en: 'Sent back: changes requested' }}
          tasks={tasks.changesRequested}
          language={language}
          adminRoute={adminRoute}
          detail={(task) =>
            task.lastComment ? (
              <>
                {text({ nl: 'Opmerking: ', en: 'Comment: ' })}
                <q>{excerpt(task.lastComment)}</q>
              </>
            ) : (
              text({
                nl: 'Bekijk de opmerking bij de beschrijving.',
                en: 'See the comment with the description.',
              })
            )
          }
        />
        <TaskList
          testId="tasks-reviews-due"
          title={{ nl: 'Tijd om te controleren', en: 'Time to check' }}
          tasks={tasks.reviewsDue}
          language={language}
          adminRoute={adminRoute}
          detail={(task) =>
            task.reviewOverdue
              ? text({
                  nl: `Had vóór ${formatDate(task.reviewDueAt, language)} gecontroleerd moeten zijn. Kijk of de beschrijving nog klopt.`,
                  en: `Was due for a check before ${formatDate(task.reviewDueAt, language)}. See whether the description is still right.`,
                })
              : text({
                  nl: `Controleer vóór ${formatDate(task.reviewDueAt, language)} of de beschrijving nog klopt.`,
                  en: `Check before ${formatDate(task.reviewDueAt, language)} whether the description is still right.`,
                })
          }
        />
      </section>
      <ProgressOverview />
    </div>
  )
}
