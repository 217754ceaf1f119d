import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../engine/format';
import { revealHidden } from '../../engine/hidden-characters';
import type { Language } from '../../engine/types';
import { addEvidence, type EvidenceInfo, getEvidence, MAX_EVIDENCE_BYTES, removeEvidence } from '../../state/evidence';
import { usePwa } from '../../state/pwa';
import { downloadUntrusted } from '../common/download';

interface EvidenceFilesProps {
  assessmentId: string;
  questionId: string;
  files: EvidenceInfo[];
  language: Language;
  readOnly: boolean;
}

/** Files attached to a question as evidence, each with its SHA-256 so an auditor can match the copy they receive. */
export function EvidenceFiles({ assessmentId, questionId, files, language, readOnly }: EvidenceFilesProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const inputId = `evidence-${questionId}`;

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    setError(undefined);
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of chosen) {
      if (file.size > MAX_EVIDENCE_BYTES) {
        setError(t('evidence.tooLarge', { name: file.name, max: 25 }));
        continue;
      }
      try {
        await addEvidence(assessmentId, questionId, file);
      } catch (e) {
        const problem = (e as { problem?: string }).problem ?? 'unknown';
        setError(t(`storage.${problem}`));
      }
    }
    // Evidence files are most of what is stored: the storage line must count them now, not a minute later.
    void usePwa.getState().refreshUse();
  };

  const open = async (id: string, name: string) => {
    const record = await getEvidence(id);
    if (record) downloadUntrusted(record.blob, name);
  };

  return (
    <div className="evidence-files">
      {files.length > 0 && (
        <ul>
          {files.map((file) => (
            <li key={file.id}>
              <button type="button" className="link-button" onClick={() => void open(file.id, file.name)}>
                {revealHidden(file.name)}
              </button>{' '}
              <span className="hint">
                {formatBytes(file.size, language)} · SHA-256 <code className="hash">{file.sha256}</code>
              </span>{' '}
              {!readOnly && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('evidence.removeNamed', { name: file.name })}
                  onClick={() => void removeEvidence(file.id).then(() => usePwa.getState().refreshUse())}
                >
                  {t('evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="field">
          <label htmlFor={inputId}>{t('evidence.attach')}</label>
          <input id={inputId} type="file" multiple onChange={(e) => void attach(e)} />
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
