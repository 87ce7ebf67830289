import { StartFromTemplate as StartFromTemplate_2d703528726143bb4fda06206fc3fa2a } from '../../../../src/admin/templates/StartFromTemplate'
import { FieldAids as FieldAids_1fc9c26da303f1da878a21fc3d82fb7e } from '../../../../src/admin/fields/FieldAids'
import { StandardSelectField as StandardSelectField_b8cb40427201f3effd2bda3adb1a80b6 } from '../../../../src/admin/fields/StandardSelectField'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { WorkflowPanel as WorkflowPanel_d2749c33c85bbb171513ff5bdaa34b30 } from '../../../../src/admin/workflow/WorkflowPanel'
import { ShownInPanel as ShownInPanel_d6db77f05b4de12aedb11c679984e8fe } from '../../../../src/admin/workflow/ShownInPanel'
import { CompareView as CompareView_8dbb4dc1466c5bb6b0d3ff8585d93d41 } from '../../../../src/admin/compare/CompareView'
import { RegisterDashboard as RegisterDashboard_5d98126dbf7f652cf5550396501fad10 } from '../../../../src/admin/dashboard/RegisterDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/templates/StartFromTemplate#StartFromTemplate": StartFromTemplate_2d703528726143bb4fda06206fc3fa2a,
  "/src/admin/fields/FieldAids#FieldAids": FieldAids_1fc9c26da303f1da878a21fc3d82fb7e,
  "/src/admin/fields/StandardSelectField#StandardSelectField": StandardSelectField_b8cb40427201f3effd2bda3adb1a80b6,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/workflow/WorkflowPanel#WorkflowPanel": WorkflowPanel_d2749c33c85bbb171513ff5bdaa34b30,
  "/src/admin/workflow/ShownInPanel#ShownInPanel": ShownInPanel_d6db77f05b4de12aedb11c679984e8fe,
  "/src/admin/compare/CompareView#CompareView": CompareView_8dbb4dc1466c5bb6b0d3ff8585d93d41,
  "/src/admin/dashboard/RegisterDashboard#RegisterDashboard": RegisterDashboard_5d98126dbf7f652cf5550396501fad10,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
