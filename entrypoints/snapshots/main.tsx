import { render } from 'preact';
import { i18n } from '#i18n';
import { App } from './App';
import { uiLang } from './page';
import '../../components/panel.css';
import './style.css';

const lang = uiLang();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = `${i18n.t('snapshots.page.title')} · ${i18n.t('extName')}`;
render(<App lang={lang} />, document.getElementById('app')!);
