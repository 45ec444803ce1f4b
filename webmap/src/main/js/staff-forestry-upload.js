import { addMessages, onLanguage, t } from './i18n.js';
import { element } from './dom.js';
import { csrfToken } from './staff-header.js';

// The staff's upload of laser tiles on /staff/forestry: its words, and the form's behaviour.
addMessages({
  uploadHeading: { ja: '計測データの取り込み（LAS/LAZ）', en: 'Add a laser tile (LAS/LAZ)' },
  uploadFile: { ja: 'ファイル', en: 'File' },
  uploadSurvey: { ja: '計測名', en: 'Survey' },
  uploadBody: { ja: '測量計画機関', en: 'Surveying body' },
  uploadZone: { ja: '平面直角座標系（ファイルに座標系がないとき。例: III）', en: 'Plane rectangular zone (for a file without a coordinate system, e.g. III)' },
  uploadSubmit: { ja: '取り込む', en: 'Add' },
  uploadSending: { ja: '送信しています…', en: 'Sending…' },
  uploadRunning: { ja: (p, m) => `取り込み中 ${p}%（${m || ''}）`, en: (p, m) => `Ingesting ${p}% (${m || ''})` },
  uploadArchived: {
    ja: (r) => `${r.fileName}: タイル ${r.tile}、${r.points.toLocaleString()} 点、${r.crs}。成果品 ${r.productsMade.length} 件を作成しました。`,
    en: (r) => `${r.fileName}: tile ${r.tile}, ${r.points.toLocaleString()} points, ${r.crs}; ${r.productsMade.length} products made.`,
  },
  uploadAlready: {
    ja: (r) => `${r.fileName} は既に保存されています（タイル ${r.tile}）。何も変わりません。`,
    en: (r) => `${r.fileName} is already archived (tile ${r.tile}); nothing changed.`,
  },
  uploadFailed: { ja: (m) => `取り込めませんでした: ${m}`, en: (m) => `Not added: ${m}` },
});

const POLL_MS = 1000;

/** Sends the chosen file as the request's body, then follows its ingest job to its result. */
function uploadForm(form) {
  const status = document.getElementById('upload-status');
  const bar = element('progress', { max: '100', value: '0', 'aria-labelledby': 'upload-heading', hidden: '' });
  status.after(bar);
  let shown = null;
  const show = (key, ...args) => {
    shown = [key, args];
    status.textContent = t(key, ...args);
  };
  onLanguage(() => shown && show(shown[0], ...shown[1]));

  async function follow(jobId) {
    const job = await fetch(`/api/jobs/${jobId}`, { headers: { Accept: 'application/json' } }).then((r) => r.json());
    bar.value = job.progress || 0;
    bar.hidden = job.state === 'done' || job.state === 'failed' || job.state === 'cancelled';
    if (job.state === 'done') {
      const result = await fetch(`/api/jobs/${jobId}/result`).then((r) => r.json());
      show(result.alreadyArchived ? 'uploadAlready' : 'uploadArchived', result);
    } else if (job.state === 'failed' || job.state === 'cancelled') {
      show('uploadFailed', job.message || job.state);
    } else {
      show('uploadRunning', job.progress || 0, job.message);
      setTimeout(() => follow(jobId), POLL_MS);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('upload-file').files[0];
    const parameters = new URLSearchParams({
      survey: document.getElementById('upload-survey').value,
      body: document.getElementById('upload-body').value,
      name: file ? file.name : '',
    });
    const zone = document.getElementById('upload-zone').value.trim();
    if (zone) {
      parameters.set('zone', zone);
    }
    show('uploadSending');
    bar.hidden = false;
    bar.value = 0;
    try {
      const response = await fetch(`/staff/api/forestry/surveys/uploads?${parameters}`, {
        method: 'POST', body: file || new Blob([]),
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      });
      const answer = await response.json();
      if (response.status !== 202) {
        bar.hidden = true;
        show('uploadFailed', answer.detail || answer.title || response.status);
        return;
      }
      follow(answer.job);
    } catch (e) {
      bar.hidden = true;
      show('uploadFailed', e.message);
    }
  });
}

const form = document.getElementById('upload-form');
if (form) {
  uploadForm(form);
}
