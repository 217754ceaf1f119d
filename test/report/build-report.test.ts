// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/engine/canonical';
import { canonicalAnswers, toAssessmentFile } from '../../src/report/assessment-file';
import { answers, fixtureQuestionnaire } from '../helpers';
import { ASSESSMENT, GENERATED_AT, readBack, report } from './report-helpers';

const questionnaire = fixtureQuestionnaire();
const TYPOGRAPHY = 'Seuil ≥ 95 % – l’équipe « qualité » a validé 1 200 € ; Maßnahme geprüft';
const given = answers({
  role: 'provider',
  uses: ['biometric', 'hr'],
  staff: 12345,
  'trained-on': '2026-10-15',
  'system-name': 'Triage assistant',
  'system-description': TYPOGRAPHY,
  'risk-system': { value: 'partial', comment: 'Risk register incomplete; owner: <b>R&D</b> CISO, due Q1.' },
  'biometric-logs': 'conform',
  'data-governance': { value: 'notApplicable', justification: 'No training: rules only.' },
});

describe('the PDF report', () => {
  it('passes qpdf --check and carries the assessment as an attached JSON file', async () => {
    const pdf = readBack(await report(questionnaire, given));
    expect(pdf.check()).toMatch(/No syntax or stream encoding errors found/);
    const attached = JSON.parse(pdf.attachment());
    expect(attached).toEqual(
      JSON.parse(
        JSON.stringify(toAssessmentFile({ questionnaire, assessment: ASSESSMENT, answers: given }, GENERATED_AT)),
      ),
    );
    expect(attached.answers.find((a: { questionId: string }) => a.questionId === 'risk-system').comment).toBe(
      'Risk register incomplete; owner: <b>R&D</b> CISO, due Q1.',
    );
  });

  it('holds cover, contents, summary, gaps, details and annex in English', async () => {
    const pdf = readBack(await report(questionnaire, given));
    const text = pdf.text();
    for (const expected of [
      'Assessment report',
      'Hôpital du Kirchberg',
      'Anne Müller',
      'Contents',
      'Executive summary',
      'Gaps and action plan',
      '1. Facts',
      '2. Requirements',
      'Annex',
      'Risk register incomplete; owner: <b>R&D</b> CISO, due Q1.',
      'Justification: No training: rules only.',
      'Answer: Partially conform',
      'AI Act Art. 9(1)',
      TYPOGRAPHY,
      'High-risk — High-risk',
      '12,345 persons',
      '15 October 2026',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Executive summary \d+\n/);
    const hash = await sha256Hex(canonicalAnswers({ questionnaire, assessment: ASSESSMENT, answers: given }));
    expect(text).toContain('SHA-256 of the answers');
    expect(text.replace(/\s/g, '')).toContain(hash);
  });

  it('writes French with its typography and number format', async () => {
    const pdf = readBack(await report(questionnaire, given, 'fr'));
    const text = pdf.text();
    for (const expected of ['Rapport d’évaluation', 'Synthèse', 'Écarts et plan d’action', '« ', TYPOGRAPHY]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Réponse[\u00A0 ]: Partiellement conforme/);
    expect(text).toMatch(/12[\u202F\u00A0 ]345 personnes/);
    // poppler prints the narrow no-break space as a space; the PDF itself maps the glyph to U+202F.
    expect(pdf.qdf()).toContain('<202F>');
  });

  it('writes German', async () => {
    const text = readBack(await report(questionnaire, given, 'de')).text();
    for (const expected of [
      'Bewertungsbericht',
      'Zusammenfassung',
      'Abweichungen und Maßnahmenplan',
      'Antwort: Teilweise konform',
      'Seite 1 von',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('has a header and "page X of Y" on every page, metadata and an outline', async () => {
    const bytes = await report(questionnaire, given);
    const pdf = readBack(bytes);
    const info = pdf.info();
    const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(4);
    for (let page = 1; page <= pages; page += 1) {
      const text = pdf.pageText(page);
      expect(text).toContain(`Page ${page} of ${pages}`);
      expect(text).toContain('CONFIDENTIAL');
      expect(text).toContain('Triage assistant — annual review');
    }
    expect(info).toMatch(/Title:\s+Assessment report — Triage assistant — annual review/);
    expect(info).toMatch(/Author:\s+Anne Müller/);
    expect(info).toMatch(/Subject:\s+All types 1\.2\.0/);
    expect(info).toMatch(/Keywords:\s+AI Act/);
    expect(info).toMatch(/Producer:\s+Conformo/);
    expect(info).toMatch(/CreationDate:\s+.*2026/);
    const outline = pdf.json().outlines as { title: string }[];
    expect(outline.map((o) => o.title)).toEqual([
      'Executive summary',
      'Gaps and action plan',
      '1. Facts',
      '2. Requirements',
      'Annex',
    ]);
  });

  it('is byte-identical for the same assessment and timestamp', async () => {
    const first = await report(questionnaire, given);
    const second = await report(questionnaire, given);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('lists questions hidden by conditions, with the reason', async () => {
    const text = readBack(await report(questionnaire, answers({ role: 'deployer', uses: ['none'] }))).text();
    expect(text).toContain('2.2 “Biometric logs?” — shown only when the answer to 1.2 includes “Biometrics”.');
    expect(text).toContain('2.3 “Data governance?” — shown only when the answer to 1.1 is “Provider” and not');
  });
});

describe('the PDF report of a signed assessment with evidence', () => {
  it('lists evidence files with their hashes and the sign-off with its content hash', async () => {
    const { createSigningKey, signSignOff } = await import('../../src/engine/sign-off-signature');
    const signOff = await signSignOff(
      {
        name: 'Dr. Jeanne Weber',
        role: 'Chief compliance officer',
        date: '2026-11-28',
        statement: 'Reviewed with the product team.',
        contentHash: 'a'.repeat(64),
        signedAt: '2026-11-28T16:00:00.000Z',
      },
      await createSigningKey(),
    );
    const signed = { ...ASSESSMENT, status: 'signed', revision: 2, signOff };
    const evidence = [
      { questionId: 'risk-system', name: 'risk-register.xlsx', size: 48213, sha256: 'b'.repeat(64) },
      { questionId: 'risk-system', name: '<img src=x onerror=alert(1)>\u202Efdp.exe', size: 1, sha256: 'c'.repeat(64) },
    ];
    const i18n = await (await import('../../src/i18n/node')).createNodeI18n('en');
    const t = i18n.getFixedT('en', 'report');
    const { buildReport } = await import('../../src/report/build-report');
    const { FONTS } = await import('./report-helpers');
    const pdf = readBack(
      await buildReport(
        { questionnaire, assessment: signed, answers: given, evidence },
        { language: 'en', generatedAt: GENERATED_AT, t: (key, values) => t(key, values), fonts: FONTS },
      ),
    );
    const text = pdf.text();
    const flat = text.replace(/\s/g, '');
    expect(text).toContain('Signed off');
    expect(text).toContain('Dr. Jeanne Weber — Chief compliance officer');
    expect(text).toContain('Evidence file: risk-register.xlsx (48,213 bytes)');
    expect(text).toContain('Evidence file: <img src=x onerror=alert(1)>\uFFFDfdp.exe (1 byte)');
    expect(flat).toContain('b'.repeat(64));
    expect(flat).toContain('a'.repeat(64));
    // The signature and the public key that checks it, printed whole (wrapped across lines).
    expect(text).toMatch(/Signature \(ECDSA P-256,\s+SHA-256\)/);
    expect(flat).toContain(signOff.signature?.value);
    expect(flat).toContain(signOff.signature?.publicKey);
    expect(text).toMatch(/Revision\s+2/);
  });
});

describe('the PDF report with bad input', () => {
  it('paginates a 100,000-character comment without cutting or losing it', async () => {
    const words = Array.from({ length: 12_500 }, (_, i) => `mot${i}`).join(' ');
    const long = `${words} FIN-DU-COMMENTAIRE`.slice(-100_000);
    const pdf = readBack(
      await report(questionnaire, answers({ 'risk-system': { value: 'nonConform', comment: long } })),
    );
    expect(pdf.check()).toMatch(/No syntax or stream encoding errors found/);
    expect(Number(pdf.info().match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(20);
    expect(pdf.text()).toContain('FIN-DU-COMMENTAIRE');
  });

  it('breaks a very long word and shows characters the font lacks as a visible replacement', async () => {
    const word = 'x'.repeat(3000);
    const pdf = readBack(await report(questionnaire, answers({ 'system-name': `${word} 漢字 \u202Eevil <script>` })));
    const text = pdf.text();
    expect(text).toContain('\uFFFD\uFFFD \uFFFDevil <script>');
    expect(text.replace(/\s/g, '')).toContain(word);
  });

  it('still gives a valid report for an empty assessment, saying it is empty', async () => {
    const pdf = readBack(await report(questionnaire, new Map()));
    expect(pdf.check()).toMatch(/No syntax or stream encoding errors found/);
    expect(pdf.text()).toContain('This assessment has no answers yet.');
    expect(JSON.parse(pdf.attachment()).answers).toEqual([]);
  });
});
