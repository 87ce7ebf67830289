import { EmbedSnippet as EmbedSnippet_6024e8255192a913429ae7f1db24139a } from '@algoritmeregister/payload-plugin/rsc'
import { SecondFactorSettings as SecondFactorSettings_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { StartFromTemplate as StartFromTemplate_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { FieldAids as FieldAids_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { RequiredLabel as RequiredLabel_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { StandardSelectField as StandardSelectField_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { WorkflowPanel as WorkflowPanel_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { PrefillOrganisation as PrefillOrganisation_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { SystemValue as SystemValue_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { ShownInPanel as ShownInPanel_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { NationalDeliveryStatus as NationalDeliveryStatus_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { CompareView as CompareView_6024e8255192a913429ae7f1db24139a } from '@algoritmeregister/payload-plugin/rsc'
import { ActorCell as ActorCell_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { RegisterIcon as RegisterIcon_6024e8255192a913429ae7f1db24139a } from '@algoritmeregister/payload-plugin/rsc'
import { RegisterLogo as RegisterLogo_6024e8255192a913429ae7f1db24139a } from '@algoritmeregister/payload-plugin/rsc'
import { RegisterDashboard as RegisterDashboard_6024e8255192a913429ae7f1db24139a } from '@algoritmeregister/payload-plugin/rsc'
import { SignInPanel as SignInPanel_d7ff5e1963d77b965c40ae4d3b0bda20 } from '@algoritmeregister/payload-plugin/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@algoritmeregister/payload-plugin/rsc#EmbedSnippet": EmbedSnippet_6024e8255192a913429ae7f1db24139a,
  "@algoritmeregister/payload-plugin/client#SecondFactorSettings": SecondFactorSettings_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#StartFromTemplate": StartFromTemplate_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#FieldAids": FieldAids_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#RequiredLabel": RequiredLabel_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#StandardSelectField": StandardSelectField_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@algoritmeregister/payload-plugin/client#WorkflowPanel": WorkflowPanel_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#PrefillOrganisation": PrefillOrganisation_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#SystemValue": SystemValue_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#ShownInPanel": ShownInPanel_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/client#NationalDeliveryStatus": NationalDeliveryStatus_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/rsc#CompareView": CompareView_6024e8255192a913429ae7f1db24139a,
  "@algoritmeregister/payload-plugin/client#ActorCell": ActorCell_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@algoritmeregister/payload-plugin/rsc#RegisterIcon": RegisterIcon_6024e8255192a913429ae7f1db24139a,
  "@algoritmeregister/payload-plugin/rsc#RegisterLogo": RegisterLogo_6024e8255192a913429ae7f1db24139a,
  "@algoritmeregister/payload-plugin/rsc#RegisterDashboard": RegisterDashboard_6024e8255192a913429ae7f1db24139a,
  "@algoritmeregister/payload-plugin/client#SignInPanel": SignInPanel_d7ff5e1963d77b965c40ae4d3b0bda20,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
