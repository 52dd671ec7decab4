// Messages per locale: the core file plus one file per feature area (each area owns a top-level
// namespace of the same name), merged here so areas can be worked on without touching one big file.
import nb from "@/messages/nb.json";
import nn from "@/messages/nn.json";
import en from "@/messages/en.json";
import identityNb from "@/messages/identity/nb.json";
import identityNn from "@/messages/identity/nn.json";
import identityEn from "@/messages/identity/en.json";
import requestFlowNb from "@/messages/requestFlow/nb.json";
import requestFlowNn from "@/messages/requestFlow/nn.json";
import requestFlowEn from "@/messages/requestFlow/en.json";
import myCasesNb from "@/messages/myCases/nb.json";
import myCasesNn from "@/messages/myCases/nn.json";
import myCasesEn from "@/messages/myCases/en.json";
import abuseNb from "@/messages/abuse/nb.json";
import abuseNn from "@/messages/abuse/nn.json";
import abuseEn from "@/messages/abuse/en.json";
import staffQueueNb from "@/messages/staffQueue/nb.json";
import staffQueueNn from "@/messages/staffQueue/nn.json";
import staffQueueEn from "@/messages/staffQueue/en.json";
import caseWorkNb from "@/messages/caseWork/nb.json";
import caseWorkNn from "@/messages/caseWork/nn.json";
import caseWorkEn from "@/messages/caseWork/en.json";
import lettersNb from "@/messages/letters/nb.json";
import lettersNn from "@/messages/letters/nn.json";
import lettersEn from "@/messages/letters/en.json";
import dashboardNb from "@/messages/dashboard/nb.json";
import dashboardNn from "@/messages/dashboard/nn.json";
import dashboardEn from "@/messages/dashboard/en.json";
import complaintsNb from "@/messages/complaints/nb.json";
import complaintsNn from "@/messages/complaints/nn.json";
import complaintsEn from "@/messages/complaints/en.json";
import trendsNb from "@/messages/trends/nb.json";
import trendsNn from "@/messages/trends/nn.json";
import trendsEn from "@/messages/trends/en.json";
import retentionNb from "@/messages/retention/nb.json";
import retentionNn from "@/messages/retention/nn.json";
import retentionEn from "@/messages/retention/en.json";
import citizenLinkNb from "@/messages/citizenLink/nb.json";
import citizenLinkNn from "@/messages/citizenLink/nn.json";
import citizenLinkEn from "@/messages/citizenLink/en.json";
import requestDetailsNb from "@/messages/requestDetails/nb.json";
import requestDetailsNn from "@/messages/requestDetails/nn.json";
import requestDetailsEn from "@/messages/requestDetails/en.json";
import caseRulesNb from "@/messages/caseRules/nb.json";
import caseRulesNn from "@/messages/caseRules/nn.json";
import caseRulesEn from "@/messages/caseRules/en.json";
import policyWorkNb from "@/messages/policyWork/nb.json";
import policyWorkNn from "@/messages/policyWork/nn.json";
import policyWorkEn from "@/messages/policyWork/en.json";
import letterTemplatesNb from "@/messages/letterTemplates/nb.json";
import letterTemplatesNn from "@/messages/letterTemplates/nn.json";
import letterTemplatesEn from "@/messages/letterTemplates/en.json";
import errorPageNb from "@/messages/errorPage/nb.json";
import errorPageNn from "@/messages/errorPage/nn.json";
import errorPageEn from "@/messages/errorPage/en.json";
import adminLogNb from "@/messages/adminLog/nb.json";
import adminLogNn from "@/messages/adminLog/nn.json";
import adminLogEn from "@/messages/adminLog/en.json";
import demoClockNb from "@/messages/demoClock/nb.json";
import demoClockNn from "@/messages/demoClock/nn.json";
import demoClockEn from "@/messages/demoClock/en.json";
import sitePagesNb from "@/messages/sitePages/nb.json";
import sitePagesNn from "@/messages/sitePages/nn.json";
import sitePagesEn from "@/messages/sitePages/en.json";
import contactAdminNb from "@/messages/contactAdmin/nb.json";
import contactAdminNn from "@/messages/contactAdmin/nn.json";
import contactAdminEn from "@/messages/contactAdmin/en.json";
import recordsNb from "@/messages/records/nb.json";
import recordsNn from "@/messages/records/nn.json";
import recordsEn from "@/messages/records/en.json";
import unansweredNb from "@/messages/unanswered/nb.json";
import unansweredNn from "@/messages/unanswered/nn.json";
import unansweredEn from "@/messages/unanswered/en.json";
import platformNb from "@/messages/platform/nb.json";
import platformNn from "@/messages/platform/nn.json";
import platformEn from "@/messages/platform/en.json";
import platformDemoNb from "@/messages/platformDemo/nb.json";
import platformDemoNn from "@/messages/platformDemo/nn.json";
import platformDemoEn from "@/messages/platformDemo/en.json";
import type { Locale } from "./locales";
import { isMessageKeyIn, type MessageKey } from "./translator";

/** The intersection of every part's type: each area adds its own top-level namespace. */
type Merged<Parts extends readonly object[]> = Parts extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Merged<Rest> : unknown;

function merge<const Parts extends readonly object[]>(...parts: Parts): Merged<Parts> {
  return Object.assign({}, ...parts) as Merged<Parts>;
}

const ALL = {
  nb: merge(nb, identityNb, requestFlowNb, myCasesNb, abuseNb, staffQueueNb, caseWorkNb, lettersNb, dashboardNb, complaintsNb, trendsNb, retentionNb, citizenLinkNb, requestDetailsNb, caseRulesNb, policyWorkNb, letterTemplatesNb, errorPageNb, adminLogNb, demoClockNb, sitePagesNb, contactAdminNb, recordsNb, unansweredNb, platformNb, platformDemoNb),
  nn: merge(nn, identityNn, requestFlowNn, myCasesNn, abuseNn, staffQueueNn, caseWorkNn, lettersNn, dashboardNn, complaintsNn, trendsNn, retentionNn, citizenLinkNn, requestDetailsNn, caseRulesNn, policyWorkNn, letterTemplatesNn, errorPageNn, adminLogNn, demoClockNn, sitePagesNn, contactAdminNn, recordsNn, unansweredNn, platformNn, platformDemoNn),
  en: merge(en, identityEn, requestFlowEn, myCasesEn, abuseEn, staffQueueEn, caseWorkEn, lettersEn, dashboardEn, complaintsEn, trendsEn, retentionEn, citizenLinkEn, requestDetailsEn, caseRulesEn, policyWorkEn, letterTemplatesEn, errorPageEn, adminLogEn, demoClockEn, sitePagesEn, contactAdminEn, recordsEn, unansweredEn, platformEn, platformDemoEn),
};

/**
 * The bokmål catalogue's shape is the type of every catalogue: next-intl's AppConfig is augmented
 * with it (global.d.ts), so translation keys are checked at compile time. nn and en are returned
 * as Messages below, so a key missing there is a compile error too (tests/unit/message-keys.test.ts
 * checks the keys the code uses at run time as well).
 */
export type Messages = (typeof ALL)["nb"];

export function loadMessages(locale: Locale): Messages {
  return ALL[locale];
}

/** Whether a key that comes from data names a message of the catalogue (server side). */
export function isMessageKey(key: string): key is MessageKey {
  return isMessageKeyIn(ALL.nb, key);
}
