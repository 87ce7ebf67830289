'use client'
import { Button, Modal, useModal } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useId, useState } from 'react'

import type { Bilingual } from '../../i18n/localise'
import type { WorkflowAction } from '../../workflow/stateMachine'
import { useAdminText } from '../i18n/useAdminText'
import type { NeededInput, WorkflowActionView } from './workflowTypes'

/** What happens after each step, said before the user confirms it. */
const CONSEQUENCES: Record<WorkflowAction, Bilingual> = {
  submit: {
    nl: 'De goedkeurders van uw organisatie krijgen een bericht. Zij lezen de beschrijving na en keuren haar goed of sturen haar terug met een opmerking.',
    en: 'The reviewers of your organisation are notified. They read the description and approve it or send it back with a comment.',
  },
  approve: {
    nl: 'Deze versie komt meteen in het openbare register. Een eerdere openbare versie blijft bewaard in de geschiedenis.',
    en: 'This version appears in the public register straight away. An earlier public version stays in the history.',
  },
  request_changes: {
    nl: 'De beschrijving gaat terug naar de redacteur. Die ziet uw opmerking bij de beschrijving en krijgt een e-mail.',
    en: 'The description goes back to the editor, who sees your comment next to it and gets an email.',
  },
  withdraw: {
    nl: 'De beschrijving verdwijnt uit het openbare register. In de geschiedenis blijft te zien dat zij is ingetrokken, en waarom.',
    en: 'The description disappears from the public register. The history keeps that it was withdrawn, and why.',
  },
  archive: {
    nl: 'De beschrijving gaat naar het archief. U kunt haar later heropenen.',
    en: 'The description is archived. You can reopen it later.',
  },
  reopen: {
    nl: 'De beschrijving wordt weer een concept waar u aan kunt werken.',
    en: 'The description becomes a draft again that you can work on.',
  },
}

const INPUTS: Record<NeededInput | 'optionalSummary', { label: Bilingual; help: Bilingual }> = {
  comment: {
    label: { nl: 'Opmerking voor de redacteur', en: 'Comment for the editor' },
    help: {
      nl: 'Schrijf wat er anders moet, en waar. Bijvoorbeeld: “Leg in de korte omschrijving uit wat inwoners merken.”',
      en: 'Write what needs to change, and where. For example: “Explain in the short description what residents notice.”',
    },
  },
  reason: {
    label: { nl: 'Reden', en: 'Reason' },
    help: {
      nl: 'Waarom gaat de beschrijving uit het register? Deze reden wordt vastgelegd.',
      en: 'Why is the description leaving the register? This reason is recorded.',
    },
  },
  changeSummary: {
    label: { nl: 'Wat hebt u veranderd?', en: 'What did you change?' },
    help: {
      nl: 'Deze beschrijving was al openbaar. Vat in een paar woorden samen wat er anders is. De goedkeurder leest dit, en het komt in de geschiedenis.',
      en: 'This description was public before. Summarise in a few words what is different. The reviewer reads this, and it goes into the history.',
    },
  },
  optionalSummary: {
    label: {
      nl: 'Toelichting voor de goedkeurder (niet verplicht)',
      en: 'Note for the reviewer (optional)',
    },
    help: {
      nl: 'Is er iets waar de goedkeurder op moet letten? Schrijf het hier.',
      en: 'Anything the reviewer should pay attention to? Write it here.',
    },
  },
}

/** What the dialog sends with the step. */
export interface DialogInput {
  comment?: string
  reason?: string
  changeSummary?: string
}

interface Props {
  slug: string
  action: WorkflowActionView
  /** Performs the step; resolves with an error message to show, or null when it worked. */
  onConfirm: (input: DialogInput) => Promise<string | null>
}

/**
 * The dialog every workflow step goes through: what will happen, the warnings, and the text the
 * step needs (a comment, a reason or a summary of changes). It stays open with the server's
 * message when the step is refused.
 */
export const ActionDialog: React.FC<Props> = ({ slug, action, onConfirm }) => {
  const { text } = useAdminText()
  const { closeModal, isModalOpen } = useModal()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  const open = isModalOpen(slug)

  useEffect(() => {
    if (open) {
      setValue('')
      setError(null)
    }
  }, [open])

  const input: NeededInput | 'optionalSummary' | null =
    action.needs ?? (action.action === 'submit' ? 'optionalSummary' : null)
  const required = action.needs !== null

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (required && value.trim() === '') {
      setError(
        text({ nl: 'Vul dit veld in om verder te gaan.', en: 'Fill in this field to continue.' }),
      )
      return
    }
    setBusy(true)
    const field = input === 'optionalSummary' ? 'changeSummary' : input
    const problem = await onConfirm(field && value.trim() ? { [field]: value.trim() } : {})
    setBusy(false)
    if (problem) setError(problem)
    else closeModal(slug)
  }

  if (!open) return null
  return (
    <Modal slug={slug} className="confirmation-modal ar-dialog" closeOnBlur={false}>
      <div className="confirmation-modal__wrapper">
        <form onSubmit={confirm} data-testid="workflow-dialog">
          <div className="confirmation-modal__content">
            <h1>{action.label}</h1>
            <p>{text(CONSEQUENCES[action.action])}</p>
            {action.warnings.map((warning) => (
              <p key={warning} className="ar-dialog__warning">
                {warning}
              </p>
            ))}
            {input && (
              <div className="ar-dialog__field">
                <label htmlFor={inputId}>{text(INPUTS[input].label)}</label>
                <p className="ar-dialog__help">{text(INPUTS[input].help)}</p>
                <textarea
                  id={inputId}
                  name={input}
                  rows={5}
                  value={value}
                  required={required}
                  onChange={(event) => setValue(event.target.value)}
                />
              </div>
            )}
            {error && (
              <p className="ar-dialog__error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="confirmation-modal__controls">
            <Button
              buttonStyle="secondary"
              type="button"
              size="large"
              disabled={busy}
              onClick={() => closeModal(slug)}
            >
              {text({ nl: 'Annuleren', en: 'Cancel' })}
            </Button>
            <Button type="submit" size="large" disabled={busy}>
              {busy ? text({ nl: 'Bezig…', en: 'Working…' }) : action.label}
            </Button>
          </div>
        </form>
      </div>
    </Modal>
  )
}
