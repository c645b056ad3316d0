// Progressive enhancement of the console pages: the key check value computed from the key file with
// WebCrypto (the key never leaves the page), the extract upload with its progress bar, and the run
// progress refreshed while the run goes on. Every page reads and works without this script, except
// the upload, which says so.

const csrfToken = () => document.querySelector('input[name="_csrf"]')?.value ?? '';

/** kcv = hex(HMAC-SHA256(K, "nonrecours:kcv"))[0..16], as `nonrecours keys kcv` prints it. */
async function keyCheckValue(file) {
  const text = (await file.text()).trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) throw new Error('format');
  const base64 = `${text.replaceAll('-', '+').replaceAll('_', '/')}=`;
  const key = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode('nonrecours:kcv')),
  );
  return Array.from(mac.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An alert in the region: the message, the points the server gave (where and why), a link. */
function say(region, tone, message, link, points = []) {
  region.replaceChildren();
  const box = document.createElement('div');
  box.className = `fr-alert fr-alert--${tone} fr-alert--sm fr-mt-2w`;
  const p = document.createElement('p');
  p.textContent = message;
  if (link) {
    const a = document.createElement('a');
    a.href = link;
    a.textContent = ' Voir l’extraction';
    p.append(a);
  }
  box.append(p);
  if (points.length) {
    const list = document.createElement('ul');
    for (const point of points) {
      const item = document.createElement('li');
      item.textContent = point;
      list.append(item);
    }
    box.append(list);
  }
  region.append(box);
}

function enhanceUpload(form) {
  const keyInput = form.querySelector('[data-key-file]');
  const kcvOutput = form.querySelector('[data-kcv-output]');
  const fileInput = form.querySelector('[data-extract-file]');
  const progressBox = form.querySelector('[data-upload-progress]');
  const progress = progressBox.querySelector('progress');
  const status = form.querySelector('[data-upload-status]');
  const button = form.querySelector('button[type="submit"]');
  let kcv = null;
  const dryRunBox = form.querySelector('[data-dry-run]');
  const buttonText = button.textContent;
  dryRunBox?.addEventListener('change', () => {
    button.textContent = dryRunBox.checked ? 'Vérifier le fichier' : buttonText;
  });

  keyInput.addEventListener('change', async () => {
    kcv = null;
    kcvOutput.textContent = '';
    const file = keyInput.files?.[0];
    if (!file) return;
    try {
      kcv = await keyCheckValue(file);
      kcvOutput.textContent = `Empreinte de la clé : ${kcv}`;
    } catch {
      kcvOutput.textContent =
        'Ce fichier n’est pas une clé de convention : il doit contenir 43 caractères (lettres, chiffres, - et _).';
    }
  });

  // A caf or msa file with the monthly columns (…_m0 to …_m4, c2s_resources) is a v2 extract.
  const monthlyHeader = /(^|[;,"])(c2s_resources|[a-z_]+_m[0-4])(["]?)([;,\r\n]|$)/;
  const schemaOf = async (file, kind) => {
    if (file.name.endsWith('.gz') || (kind !== 'caf' && kind !== 'msa')) return null;
    const header = (await file.slice(0, 1 << 16).text()).split('\n')[0] ?? '';
    return monthlyHeader.test(header) ? `${kind}.v2` : null;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (!kcv) return say(status, 'error', 'Choisissez d’abord le fichier de la clé de la convention.');
    if (!file) return say(status, 'error', 'Choisissez le fichier de l’extraction.');
    const fields = new FormData(form);
    const month = String(fields.get('reference_month') ?? '');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      return say(status, 'error', 'Indiquez le mois de référence au format AAAA-MM.');
    const kind = String(fields.get('kind'));
    const query = new URLSearchParams({ kind, reference_month: month });
    const dryRun = dryRunBox?.checked === true;
    if (dryRun) query.set('dry_run', 'true');
    const schema = await schemaOf(file, kind);
    if (schema) query.set('schema', schema);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${form.getAttribute('action')}?${query}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    if (file.name.endsWith('.gz')) xhr.setRequestHeader('content-encoding', 'gzip');
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.setRequestHeader('x-key-check', kcv);
    if (!dryRun) xhr.setRequestHeader('idempotency-key', crypto.randomUUID());
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.addEventListener('load', () => {
      button.disabled = false;
      const answer = xhr.response ?? {};
      if (xhr.status < 300 && answer.verdict) {
        progress.value = 100;
        const tone = answer.verdict === 'accepted' ? 'success' : 'error';
        say(status, tone, answer.message, null, answer.points ?? []);
      } else if (xhr.status < 300) {
        progress.value = 100;
        say(status, 'success', 'Extraction reçue et vérifiée.', answer.location);
        if (answer.location) window.location.assign(answer.location);
      } else {
        say(status, 'error', answer.message ?? 'Le dépôt a échoué.', answer.location, answer.points ?? []);
      }
    });
    xhr.addEventListener('error', () => {
      button.disabled = false;
      say(status, 'error', 'La connexion a été interrompue pendant l’envoi. Réessayez.');
    });
    progressBox.hidden = false;
    progress.value = 0;
    status.replaceChildren();
    button.disabled = true;
    xhr.send(file);
  });
}

const setText = (element, text) => {
  if (element && element.textContent !== text) element.textContent = text;
};

/** Redraws a run's stages every second from the console's JSON view; reloads the page once it ends. */
function followRun(section) {
  const url = section.dataset.runProgress;
  const timer = setInterval(async () => {
    let state;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (res.status === 401) return window.location.reload();
      if (!res.ok) return;
      state = await res.json();
    } catch {
      return;
    }
    for (const s of state.stages) {
      const row = section.querySelector(`[data-stage="${s.stage}"]`);
      if (!row) continue;
      setText(row.querySelector('[data-stage-status]'), s.statusLabel);
      setText(
        row.querySelector('[data-stage-count]'),
        s.total ? ` (${s.done} sur ${s.total} partition${s.total === 1 ? '' : 's'})` : '',
      );
      const bar = row.querySelector('progress');
      if (bar && s.total) {
        bar.max = s.total;
        bar.value = s.done;
      } else if (bar && s.status === 'done') bar.value = bar.max;
    }
    if (state.finished) {
      clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
}

for (const form of document.querySelectorAll('form[data-upload]')) enhanceUpload(form);
for (const section of document.querySelectorAll('[data-run-progress]')) followRun(section);
