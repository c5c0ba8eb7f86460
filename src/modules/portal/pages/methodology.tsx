import { translator } from '../../../i18n/define.ts';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import { type PortalMessage, portalMessages } from '../portal.messages.ts';

/** The counting rules of DESIGN section 4, in plain words, in the order a reader needs them. */
const rules: Array<[PortalMessage, PortalMessage]> = [
  ['rulePeriodsTitle', 'rulePeriods'],
  ['rulePublishedTitle', 'rulePublished'],
  ['ruleMonthTitle', 'ruleMonth'],
  ['ruleGroupsTitle', 'ruleGroups'],
  ['ruleCasesTitle', 'ruleCases'],
  ['ruleTotalTitle', 'ruleTotal'],
  ['ruleActsTitle', 'ruleActs'],
  ['ruleMoneyTitle', 'ruleMoney'],
  ['ruleCompareTitle', 'ruleCompare'],
  ['ruleFrozenTitle', 'ruleFrozen'],
  ['rulePrivacyTitle', 'rulePrivacy'],
  ['ruleEstimatesTitle', 'ruleEstimates'],
];

export function MethodologyPage({ frame }: { frame: PageFrame }) {
  const t = translator(portalMessages, frame.lang);
  return (
    <Layout frame={frame}>
      <h1>{t('methodologyTitle')}</h1>
      <p>{t('methodologyIntro')}</p>
      {rules.map(([title, text]) => (
        <section key={title} aria-labelledby={title}>
          <h2 id={title}>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}
    </Layout>
  );
}
