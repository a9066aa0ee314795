import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { CheckOutcome, Message, Verdict } from '@/utils/messages';
import { DOCKS, getSettings, updateSettings, watchSettings, type Settings } from '@/utils/settings';
import { isGovHost, patternOf, siteOf } from '@/utils/sites';
import { VerdictSchema } from '@/utils/verdicts';
import { dockName } from '@/components/dock';
import { isReportFileUrl } from '@/entrypoints/viewer/open-viewer';

type Dock = (typeof DOCKS)[number];

const send = <R,>(message: Message) => browser.runtime.sendMessage(message) as Promise<R>;

/** "10.1.2.3" for "http://10.1.2.3": what the reader recognises in the address bar. */
const hostOf = (site: string) => site.replace(/^[a-z*]+:\/\//, '');

/**
 * No verdict for the tab: on gov.cn the detector looked and saw no report; elsewhere nothing looks
 * unless asked. Said once, without claiming the page is a report that has not been checked yet.
 */
function NoVerdict({ hostname, never }: { hostname: string | null; never: boolean }) {
  if (never) return <p>{i18n.t('ux.popup.never')}</p>;
  if (!hostname) return <p>{i18n.t('ux.popup.noAddress')}</p>;
  return <p>{isGovHost(hostname) ? i18n.t('ux.popup.govNotReport') : i18n.t('ux.popup.otherSite', [hostname])}</p>;
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  if (!verdict.isReport) return <p>{i18n.t('popup.notReport')}</p>;
  const agency = verdict.agency ?? i18n.t('popup.unknownAgency');
  const name = verdict.year === null ? i18n.t('popup.reportNoYear', [agency]) : i18n.t('popup.report', [agency, String(verdict.year)]);
  const clean = verdict.errors + verdict.warnings === 0;
  return (
    <div class="verdict">
      <p class="report-name">{name}</p>
      {clean ? (
        <p class="count clean">{i18n.t('popup.clean')}</p>
      ) : (
        <ul class="counts">
          <li class={verdict.errors ? 'count error' : 'count'}>{i18n.t('badge.errors', verdict.errors)}</li>
          <li class={verdict.warnings ? 'count warning' : 'count'}>{i18n.t('badge.warnings', verdict.warnings)}</li>
          <li class="count">{i18n.t('popup.infos', verdict.infos)}</li>
        </ul>
      )}
    </div>
  );
}

function refusal(outcome: CheckOutcome): string {
  if (outcome.ok) return i18n.t('popup.checked');
  return outcome.reason === 'no-tab' ? i18n.t('popup.refused.noTab') : i18n.t('popup.refused.notAllowed');
}

export function Popup({ tabId }: { tabId: number | null }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  /** The tab's site, when the browser lets us see its address (gov.cn, activeTab, granted sites). */
  const [site, setSite] = useState<string | null>(null);
  /** The report file (PDF, DOCX) the tab shows, which the viewer can check. */
  const [reportFile, setReportFile] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  /** Announced to screen readers (role=status): the outcome of the last action. */
  const [status, setStatus] = useState('');

  useEffect(() => {
    void getSettings().then(setSettings);
    const unwatch = watchSettings(setSettings);
    if (tabId === null) return unwatch;
    void send<Verdict | null>({ type: 'gkl:get-verdict', tabId }).then((v) => setVerdict(v ?? null));
    void browser.tabs.get(tabId).then(
      (tab) => {
        setSite(siteOf(tab.url));
        setReportFile(isReportFileUrl(tab.url) ? tab.url : null);
      },
      () => setSite(null),
    );
    // The analyzer's verdict reaches every page of the extension: show it as soon as it is known.
    const onMessage = (message: Message, sender: { tab?: { id?: number } }) => {
      if (message?.type !== 'gkl:verdict' || sender.tab?.id !== tabId) return;
      const parsed = VerdictSchema.safeParse(message.verdict);
      if (parsed.success) setVerdict(parsed.data);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);

  async function check() {
    if (tabId === null) return;
    setStatus(i18n.t('popup.checking'));
    setStatus(refusal(await send<CheckOutcome>({ type: 'gkl:check-tab', tabId })));
  }

  async function alwaysCheck(target: string) {
    // The permission prompt must open inside the click: nothing may be awaited before it.
    const granted = await browser.permissions.request({ origins: [patternOf(target)] });
    if (!granted) return setStatus(i18n.t('popup.alwaysDenied', [hostOf(target)]));
    // The background registers the detector for the site (permissions.onAdded); check this page now.
    await check();
    setStatus(i18n.t('popup.alwaysOn', [hostOf(target)]));
  }

  async function removeSite(target: string) {
    await send<string[]>({ type: 'gkl:forget-site', site: target });
    setStatus(i18n.t('settings.sites.removed', [hostOf(target)]));
  }

  const hostname = site ? new URL(site).hostname : null;
  const alwaysChecked = !!site && !!settings?.alwaysCheckSites.includes(site);
  const never = !!site && !!settings?.neverCheckSites.includes(site);
  const pillHidden = !!site && !!settings?.hiddenPillSites.includes(site);

  /** Adds or removes this site in one of the per-site lists (undone from the settings below, or here). */
  async function setSiteIn(list: 'hiddenPillSites' | 'neverCheckSites', target: string, on: boolean) {
    const current = (await getSettings())[list];
    await updateSettings({ [list]: on ? [...new Set([...current, target])] : current.filter((s) => s !== target) });
    const host = hostOf(target);
    setStatus(i18n.t(list === 'neverCheckSites' ? (on ? 'ux.popup.neverOn' : 'ux.popup.neverOff') : on ? 'ux.popup.hideOn' : 'ux.popup.hideOff', [host]));
  }

  return (
    <main>
      <h1>{i18n.t('extName')}</h1>

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">{i18n.t('popup.pageHeading')}</h2>
        {verdict ? <VerdictView verdict={verdict} /> : <NoVerdict hostname={hostname} never={never} />}
        <div class="actions">
          {reportFile && tabId !== null && (
            <button type="button" class="primary open-viewer" onClick={() => void send<boolean>({ type: 'gkl:open-viewer', url: reportFile, tabId }).then(() => window.close())}>
              {i18n.t('viewer.popupOpen')}
            </button>
          )}
          {/* A checked report's panel is there already: the button shows it instead of checking again. */}
          <button type="button" class="primary check" onClick={check} disabled={tabId === null} autoFocus>
            {verdict?.isReport ? i18n.t('ux.popup.showPanel') : i18n.t('popup.check')}
          </button>
          {site && hostname && !isGovHost(hostname) && !alwaysChecked && (
            <button type="button" onClick={() => alwaysCheck(site)}>
              {i18n.t('popup.alwaysCheck', [hostname])}
            </button>
          )}
        </div>
        {site && hostname && (
          <div class="site-controls">
            <label class="toggle">
              <input type="checkbox" class="hide-pill" checked={pillHidden} onChange={(e) => void setSiteIn('hiddenPillSites', site, e.currentTarget.checked)} />
              <span>{i18n.t('ux.popup.hidePill', [hostname])}</span>
            </label>
            <label class="toggle">
              <input type="checkbox" class="never-check" checked={never} onChange={(e) => void setSiteIn('neverCheckSites', site, e.currentTarget.checked)} />
              <span>{i18n.t('ux.popup.neverCheck', [hostname])}</span>
            </label>
          </div>
        )}
        <p role="status" class="status">{status}</p>
      </section>

      {settings && (
        <section aria-labelledby="settings-heading">
          <h2 id="settings-heading">{i18n.t('settings.heading')}</h2>

          <h3 id="sites-heading">{i18n.t('settings.sites.heading')}</h3>
          {settings.alwaysCheckSites.length ? (
            <ul class="sites" aria-labelledby="sites-heading">
              {settings.alwaysCheckSites.map((s) => (
                <li key={s}>
                  <span>{hostOf(s)}</span>
                  <button type="button" aria-label={i18n.t('settings.sites.removeLabel', [hostOf(s)])} onClick={() => removeSite(s)}>
                    {i18n.t('settings.sites.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="note">{i18n.t('settings.sites.none')}</p>
          )}

          {(['hiddenPillSites', 'neverCheckSites'] as const).map((list) =>
            settings[list].length ? (
              <Fragment key={list}>
                <h3 id={`${list}-heading`}>{i18n.t(list === 'neverCheckSites' ? 'ux.popup.neverHeading' : 'ux.popup.hiddenHeading')}</h3>
                <ul class="sites" aria-labelledby={`${list}-heading`}>
                  {settings[list].map((s) => (
                    <li key={s}>
                      <span>{hostOf(s)}</span>
                      <button type="button" aria-label={i18n.t(list === 'neverCheckSites' ? 'ux.popup.neverOffLabel' : 'ux.popup.hideOffLabel', [hostOf(s)])} onClick={() => void setSiteIn(list, s, false)}>
                        {i18n.t('settings.sites.remove')}
                      </button>
                    </li>
                  ))}
                </ul>
              </Fragment>
            ) : null,
          )}

          <label class="field">
            <span>{i18n.t('settings.dock')}</span>
            <select
              value={settings.panel.dock}
              onChange={(e) => void updateSettings({ panel: { ...settings.panel, dock: e.currentTarget.value as Dock } })}
            >
              {DOCKS.map((d) => (
                <option key={d} value={d}>
                  {dockName(d)}
                </option>
              ))}
            </select>
          </label>

          <label class="toggle">
            <input type="checkbox" checked={settings.marks} onChange={(e) => void updateSettings({ marks: e.currentTarget.checked })} />
            <span>{i18n.t('settings.marks')}</span>
          </label>

          {/* Snapshots (utils/snapshots): the setting is here; saving is the snapshots feature's own. */}
          <label class="toggle">
            <input type="checkbox" checked={settings.autoSave} onChange={(e) => void updateSettings({ autoSave: e.currentTarget.checked })} />
            <span>{i18n.t('settings.autoSave')}</span>
          </label>
        </section>
      )}

      <p class="links">
        <a href={browser.runtime.getURL('/snapshots.html')} target="_blank" rel="noopener">
          {i18n.t('popup.snapshots')}
        </a>
      </p>
    </main>
  );
}
