import type { CollectionBeforeValidateHook, FlattenedField, PayloadRequest } from 'payload'

import { throwFieldErrors } from '../src/errors/throwFieldErrors'

const blank = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

type Operation = 'create' | 'update'

interface Context {
  req: PayloadRequest
  data: Record<string, unknown>
  operation: Operation
  id: number | string | undefined
  collectionSlug: string
  previous: Record<string, unknown>
  errors: Array<{ path: string; message: string }>
}

async function validateAll(
  fields: readonly FlattenedField[],
  siblingData: Record<string, unknown>,
  prefix: string,
  context: Context,
  hidden: boolean,
): Promise<void> {
  for (const field of fields) {
    if (!('name' in field)) continue
    const value = siblingData[field.name]
    const path = prefix ? `${prefix}.${field.name}` : field.name
    const condition = field.admin?.condition
    const shown =
      !condition ||
      Boolean(
        condition(context.data, siblingData, {
          blockData: {},
          operation: context.operation,
          path: path.split('.'),
          user: context.req.user,
        }),
      )
    const isHidden = hidden || !shown
    if ((field.type === 'group' || field.type === 'tab') && value && typeof value === 'object') {
      await validateAll(
        field.flattenedFields,
        value as Record<string, unknown>,
        path,
        context,
        isHidden,
      )
      continue
    }
    // Payload validates shown fields itself; only hidden ones with a value need it here.
    if (!isHidden || blank(value) || !('validate' in field) || !field.validate) continue
    const validate = field.validate as (value: unknown, options: unknown) => unknown
    const result = await validate(value, {
      ...field,
      id: context.id,
      collectionSlug: context.collectionSlug,
      data: context.data,
      siblingData,
      event: 'submit',
      operation: context.operation,
      overrideAccess: true,
      path: path.split('.'),
      preferences: { fields: {} },
      previousValue: context.previous[field.name],
      req: context.req,
    })
    if (typeof result === 'string') context.errors.push({ path, message: result })
  }
}

/**
 * Payload skips the validation of a field whose `admin.condition` is false (the EU AI Act fields
 * of an algorithm that is not high-risk), yet stores its value. This runs those fields' own
 * validators whenever they hold a value, so a hidden field cannot store what a shown one refuses.
 */
export const validateHiddenFields: CollectionBeforeValidateHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data || typeof data !== 'object') return data
  const context: Context = {
    req,
    data: data as Record<string, unknown>,
    operation,
    id: (originalDoc as { id?: number | string } | undefined)?.id,
    collectionSlug: collection.slug,
    previous: (originalDoc ?? {}) as Record<string, unknown>,
    errors: [],
  }
  await validateAll(collection.flattenedFields, context.data, '', context, false)
  if (context.errors.length > 0) {
    throwFieldErrors(
      req,
      collection.slug,
      context.errors.map((error) => ({
        path: error.path,
        message: { nl: error.message, en: error.message },
      })),
    )
  }
  return data
}
