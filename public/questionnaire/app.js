// The newcomer's satisfaction questionnaire. The signed, personal link of the e-mail carries its
// token in the URL hash (never sent to a server log or a referrer); the page reads it, loads the
// questions, submits the answers and thanks. No inline script: the CSP forbids it.
(function () {
  'use strict';
  const app = document.getElementById('app');
  const title = document.getElementById('title');
  const token = decodeURIComponent((location.hash || '').replace(/^#\/?/, '')).trim();

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'on') for (const [e, f] of Object.entries(v)) node.addEventListener(e, f);
      else if (v !== false && v != null) node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c != null) node.append(c.nodeType ? c : String(c));
    return node;
  };

  const MESSAGES = {
    400: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse complète du lien reçu par e-mail, ou contactez la coordination de la CPTS.",
    409: 'Vous avez déjà répondu à ce questionnaire. Merci pour votre participation !',
    410: "Ce lien a expiré. Si vous souhaitez encore donner votre avis, contactez la coordination de la CPTS qui vous en enverra un nouveau.",
    429: 'Trop de tentatives en peu de temps. Réessayez dans quelques minutes.',
  };

  const notice = (text, kind, testid) => {
    const p = el('p', { class: `notice ${kind || ''}`, role: kind === 'bad' ? 'alert' : 'status', 'data-testid': testid || 'questionnaire-notice', tabindex: '-1' }, text);
    app.replaceChildren(p);
    p.focus();
  };

  const api = async (method, body) => {
    const res = await fetch(`/api/satisfaction/${encodeURIComponent(token)}`, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
    });
    const json = await res.json().catch(() => null);
    return { status: res.status, json };
  };

  const scale = (name, legendText, required, labels) =>
    el('fieldset', { 'data-testid': `q-${name}` },
      el('legend', {}, legendText, required ? el('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
      labels.hint ? el('p', { class: 'hint', id: `${name}-hint` }, labels.hint) : null,
      el('div', { class: 'scale', role: 'radiogroup', 'aria-describedby': labels.hint ? `${name}-hint` : null },
        labels.options.map(([value, text, aria]) =>
          el('label', { class: 'choice' },
            el('input', { type: 'radio', name, value: String(value), required: required || null, 'aria-label': aria || null }),
            el('span', {}, text)))));

  const SCALE = { hint: '1 = pas du tout satisfait·e, 5 = très satisfait·e', options: [1, 2, 3, 4, 5].map((n) => [n, String(n), `${n} sur 5`]) };
  const YES_NO = { options: [['yes', 'Oui'], ['no', 'Non']] };

  const question = (q) => {
    if (q.kind === 'scale_1_5') return scale(`a_${q.key}`, q.label, q.required, SCALE);
    if (q.kind === 'yes_no') return scale(`a_${q.key}`, q.label, q.required, YES_NO);
    return el('div', {},
      el('label', { for: `a_${q.key}` }, q.label, q.required ? el('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
      el('textarea', { id: `a_${q.key}`, name: `a_${q.key}`, maxlength: '2000', required: q.required || null }));
  };

  const collect = (form, questions) => {
    const value = (name) => form.querySelector(`[name="${name}"]:checked`)?.value;
    const answers = {};
    for (const q of questions) {
      const name = `a_${q.key}`;
      if (q.kind === 'scale_1_5') { const v = value(name); if (v) answers[q.key] = Number(v); }
      else if (q.kind === 'yes_no') { const v = value(name); if (v) answers[q.key] = v === 'yes'; }
      else { const v = form.elements[name].value.trim(); if (v) answers[q.key] = v; }
    }
    const comment = form.elements.comment.value.trim();
    return { score: Number(value('score')), answers, ...(comment ? { comment } : {}) };
  };

  const render = (data) => {
    title.textContent = `${data.cpts} — votre avis`;
    document.title = `Questionnaire de satisfaction — ${data.cpts}`;
    const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'questionnaire-error' });
    const submit = el('button', { type: 'submit' }, 'Envoyer mes réponses');
    const form = el('form', { novalidate: true, 'data-testid': 'questionnaire-form', on: { submit: async (e) => {
      e.preventDefault();
      error.textContent = '';
      const missing = data.questions.filter((q) => q.required).concat([{ key: 'score' }]).find((q) => {
        const name = q.key === 'score' ? 'score' : `a_${q.key}`;
        const field = form.elements[name];
        if (!field) return false;
        return field.tagName === 'TEXTAREA' ? !field.value.trim() : !form.querySelector(`[name="${name}"]:checked`);
      });
      if (missing) {
        error.textContent = 'Merci de répondre aux questions marquées d’un astérisque (*).';
        const first = form.querySelector(`[name="${missing.key === 'score' ? 'score' : 'a_' + missing.key}"]`);
        if (first) first.focus();
        return;
      }
      submit.disabled = true;
      try {
        const { status, json } = await api('POST', collect(form, data.questions));
        if (status === 201) {
          const thanks = data.firstName ? `Merci ${data.firstName} !` : 'Merci !';
          return notice(`${thanks} Vos réponses ont bien été enregistrées. Elles aideront la ${data.cpts} à mieux accueillir les professionnels qui s’installent.`, 'ok', 'questionnaire-thanks');
        }
        if (MESSAGES[status] && status !== 400) return notice(MESSAGES[status], status === 409 ? 'ok' : 'bad');
        error.textContent = status === 400 && json?.error?.details?.errors
          ? 'Certaines réponses ne sont pas valides. Vérifiez le formulaire et réessayez.'
          : MESSAGES[status] || 'Une erreur est survenue. Réessayez dans quelques instants.';
      } catch (err) {
        error.textContent = 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.';
      }
      submit.disabled = false;
    } } },
      el('p', {}, `Bonjour ${data.firstName || ''},`.replace(' ,', ',')),
      el('p', {}, `Vous avez été accompagné·e par un ambassadeur de la ${data.cpts}. Vos réponses, qui prennent deux minutes, nous aident à améliorer le programme.`),
      el('p', { class: 'hint' }, 'Les questions marquées d’un astérisque (*) sont obligatoires.'),
      scale('score', 'Globalement, quelle note donnez-vous à votre accompagnement ?', true, SCALE),
      data.questions.map(question),
      el('label', { for: 'comment' }, 'Un commentaire, une suggestion ? (facultatif)'),
      el('textarea', { id: 'comment', name: 'comment', maxlength: '5000' }),
      error,
      el('p', {}, submit));
    app.replaceChildren(form);
  };

  const start = async () => {
    if (!token) return notice(MESSAGES[400], 'bad');
    try {
      const { status, json } = await api('GET');
      if (status === 200 && json?.data) return render(json.data);
      notice(MESSAGES[status] || 'Une erreur est survenue. Réessayez dans quelques instants.', status === 409 ? 'ok' : 'bad');
    } catch (err) {
      notice('Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.', 'bad');
    }
  };

  start();
})();
