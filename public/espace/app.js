// The ambassador web space: the cases assigned to me, where each stands, what I can do next,
// and the actions log. Talks to the content API with the users-permissions JWT.
(function () {
  'use strict';
  const app = document.getElementById('app');
  const logoutButton = document.getElementById('logout');
  const token = () => sessionStorage.getItem('ancrage.jwt');
  let workflow = null;

  const PROFESSIONS = { general_practitioner: 'Médecin généraliste', specialist_physician: 'Médecin spécialiste', nurse: 'Infirmier·e', physiotherapist: 'Masseur-kinésithérapeute', pharmacist: 'Pharmacien·ne', midwife: 'Sage-femme', speech_therapist: 'Orthophoniste', orthoptist: 'Orthoptiste', dentist: 'Chirurgien·ne-dentiste', psychologist: 'Psychologue', dietitian: 'Diététicien·ne', podiatrist: 'Pédicure-podologue', occupational_therapist: 'Ergothérapeute', other: 'Autre' };
  const KINDS = { call: 'Appel', email: 'E-mail', meeting: 'Rencontre', visit: 'Visite', introduction: 'Mise en relation' };

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'on') for (const [e, f] of Object.entries(v)) node.addEventListener(e, f);
      else if (v !== false && v != null) node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c != null) node.append(c.nodeType ? c : String(c));
    return node;
  };
  const frDate = (d) => (d ? new Date(d.length === 10 ? d + 'T12:00:00Z' : d).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }) : '');

  const api = async (path, options = {}) => {
    const res = await fetch(path, {
      ...options,
      headers: { 'Content-Type': 'application/json', ...(token() ? { Authorization: 'Bearer ' + token() } : {}), ...(options.headers || {}) },
    });
    const body = res.status === 204 ? null : await res.json().catch(() => null);
    if (res.status === 401) { sessionStorage.removeItem('ancrage.jwt'); route(); throw new Error('Session expirée'); }
    if (!res.ok) {
      const failures = body?.error?.details?.failures?.map((f) => f.message) || [];
      const errors = body?.error?.details?.errors?.map((e) => `${(e.path || []).join('.')} : ${e.message}`) || [];
      throw new Error([body?.error?.message, ...failures, ...errors].filter(Boolean).join(' — ') || `Erreur ${res.status}`);
    }
    return body;
  };

  const stateInfo = (key) => workflow?.states.find((s) => s.key === key) || { label: key, color: '#6b7280' };
  const badge = (key) => el('span', { class: 'badge', style: `background:${stateInfo(key).color || '#6b7280'}`, 'data-testid': 'space-state' }, stateInfo(key).label);

  const login = () => {
    logoutButton.hidden = true;
    const message = el('p', { class: 'error', role: 'alert' });
    const form = el('form', { class: 'card', on: { submit: async (e) => {
      e.preventDefault();
      message.textContent = '';
      try {
        const res = await api('/api/auth/local', { method: 'POST', body: JSON.stringify({ identifier: form.identifier.value, password: form.password.value }) });
        sessionStorage.setItem('ancrage.jwt', res.jwt);
        route();
      } catch (err) { message.textContent = 'Connexion impossible : identifiant ou mot de passe incorrect.'; }
    } } },
      el('h2', {}, 'Connexion'),
      el('label', { for: 'identifier' }, 'Identifiant ou e-mail'), el('input', { id: 'identifier', name: 'identifier', autocomplete: 'username', required: true }),
      el('label', { for: 'password' }, 'Mot de passe'), el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
      el('p', {}, el('button', { type: 'submit' }, 'Se connecter')), message);
    app.replaceChildren(form);
  };

  const list = async () => {
    const res = await api('/api/cases?sort=updatedAt:desc&pagination[pageSize]=100');
    app.replaceChildren(
      el('h2', {}, 'Mes accompagnements'),
      res.data.length === 0 ? el('p', { class: 'muted' }, 'Aucun accompagnement ne vous est confié pour le moment.') : null,
      ...res.data.map((c) => el('div', { class: 'card', 'data-testid': `space-case-${c.documentId}` },
        el('a', { href: `#/cases/${c.documentId}` }, `${c.newcomerFirstName} ${c.newcomerLastName}`), ' ', badge(c.state),
        el('div', { class: 'muted' }, PROFESSIONS[c.profession] || c.profession, c.specialty ? ` — ${c.specialty}` : ''))));
  };

  const detail = async (id) => {
    const [c, wf] = await Promise.all([api(`/api/cases/${id}?populate[actions]=true&populate[followUps]=true`), api(`/api/cases/${id}/workflow`)]);
    const d = c.data;
    const w = wf.data;
    const feedback = el('p', { role: 'status' });
    const comment = el('textarea', { id: 'comment', rows: 2 });
    // only the steps my role may take; the others belong to the coordination
    const mineOnly = w.available.filter((t) => t.roleAllowed);
    const transitions = mineOnly.map((t) => el('div', { class: 'transition' },
      el('button', { type: 'button', disabled: !t.allowed, 'data-testid': `space-transition-${t.to}`, on: { click: async () => {
        try {
          await api(`/api/cases/${id}/transitions`, { method: 'POST', body: JSON.stringify({ to: t.to, expectedState: w.state, comment: comment.value || undefined }) });
          await detail(id);
        } catch (err) { feedback.className = 'error'; feedback.textContent = err.message; }
      } } }, `${t.label} → ${stateInfo(t.to).label}`),
      t.allowed ? null : el('ul', { class: 'reasons' }, t.failures.filter((f) => f.guard !== 'role').map((f) => el('li', {}, f.message)))));
    const actionForm = el('form', { class: 'card', on: { submit: async (e) => {
      e.preventDefault();
      try {
        await api(`/api/cases/${id}/actions`, { method: 'POST', body: JSON.stringify({ data: { kind: actionForm.kind.value, date: actionForm.date.value, summary: actionForm.summary.value, minutes: Number(actionForm.minutes.value || 0) } }) });
        await detail(id);
      } catch (err) { feedback.className = 'error'; feedback.textContent = err.message; }
    } } },
      el('h3', {}, 'Noter une action'),
      el('label', { for: 'kind' }, 'Type'), el('select', { id: 'kind', name: 'kind' }, Object.entries(KINDS).map(([k, v]) => el('option', { value: k }, v))),
      el('label', { for: 'date' }, 'Date'), el('input', { id: 'date', name: 'date', type: 'date', required: true, value: new Date().toISOString().slice(0, 10) }),
      el('label', { for: 'summary' }, 'Résumé'), el('textarea', { id: 'summary', name: 'summary', rows: 3, required: true }),
      el('label', { for: 'minutes' }, 'Durée (minutes)'), el('input', { id: 'minutes', name: 'minutes', type: 'number', min: 0, max: 1440, value: 0 }),
      el('p', {}, el('button', { type: 'submit', 'data-testid': 'space-add-action' }, 'Enregistrer l’action')));
    app.replaceChildren(
      el('p', {}, el('a', { href: '#/' }, '← Mes accompagnements')),
      el('h2', {}, `${d.newcomerFirstName} ${d.newcomerLastName}`),
      el('p', {}, badge(w.state), ' ', el('span', { class: 'muted' }, w.enteredAt ? `depuis le ${frDate(w.enteredAt)}` : '')),
      el('p', { class: 'muted' }, PROFESSIONS[d.profession] || d.profession, d.installationCommune ? ` — installation : ${d.installationCommune}${d.installedAt ? `, le ${frDate(d.installedAt)}` : ''}` : ''),
      el('section', { class: 'card' }, el('h3', {}, 'Étapes possibles'), mineOnly.length ? null : el('p', { class: 'muted' }, 'Les étapes suivantes sont du ressort de la coordination.'),
        el('label', { for: 'comment' }, 'Commentaire (facultatif)'), comment, ...transitions, feedback),
      actionForm,
      el('section', { class: 'card' }, el('h3', {}, 'Actions menées'),
        (d.actions || []).length ? el('ul', { 'data-testid': 'space-actions' }, d.actions.map((a) => el('li', {}, `${frDate(a.date)} — ${KINDS[a.kind] || a.kind} : ${a.summary || ''}${a.minutes ? ` (${a.minutes} min)` : ''}`))) : el('p', { class: 'muted' }, 'Aucune action notée.')),
      el('section', { class: 'card' }, el('h3', {}, 'Historique'),
        el('ol', { class: 'history' }, w.history.slice().reverse().map((h) => el('li', {}, `${frDate(h.at)} : ${stateInfo(h.from).label} → ${stateInfo(h.to).label}${h.comment ? ` — « ${h.comment} »` : ''}`)))));
  };

  const route = async () => {
    if (!token()) return login();
    logoutButton.hidden = false;
    try {
      if (!workflow) workflow = (await api('/api/workflows')).data.find((d) => d.name === 'case');
      const m = /^#\/cases\/([A-Za-z0-9]+)$/.exec(location.hash);
      if (m) await detail(m[1]);
      else await list();
    } catch (err) {
      app.replaceChildren(el('p', { class: 'error', role: 'alert' }, err.message), el('p', {}, el('a', { href: '#/' }, '← Mes accompagnements')));
    }
  };

  logoutButton.addEventListener('click', () => { sessionStorage.removeItem('ancrage.jwt'); workflow = null; location.hash = '#/'; route(); });
  window.addEventListener('hashchange', route);
  route();
})();
