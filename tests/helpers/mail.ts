/** Decoding of captured raw messages: the Subject header and the quoted-printable body. */
export const subjectOf = (raw: string) => {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw);
  const value = (m?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ');
  const words = [...value.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi)];
  if (words.length === 0) return value;
  const bytes = Buffer.concat(
    words.map(([, enc, text]) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_y, h) => String.fromCharCode(parseInt(h, 16))), 'latin1')
    )
  );
  return bytes.toString('utf8');
};

export const bodyOf = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

/** The questionnaire link of a captured mail (its text part). */
export const questionnaireLinkOf = (raw: string) => {
  const m = /(https?:\/\/[^\s"<>]+\/questionnaire\/#([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+))/.exec(bodyOf(raw));
  if (!m) throw new Error('no questionnaire link in the mail');
  return { url: m[1], token: m[2] };
};
