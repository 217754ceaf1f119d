import { useTranslation } from 'react-i18next';
import type { BackupError } from '../../state/backup';
import { useLanguage } from '../common/useLanguage';
import { describeBackupError, describeLocation } from './describe';

const SHOWN = 20;

/** Why a file was refused, each problem with where it is; nothing was written. */
export function ImportErrors({ fileName, errors }: { fileName: string | undefined; errors: BackupError[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="notice error backup-errors" role="alert">
      <p>
        <strong>{t('backup:import.refused', { name: fileName ?? '' })}</strong> {t('backup:import.nothingWritten')}
      </p>
      <ul>
        {errors.slice(0, SHOWN).map((error) => {
          const where = describeLocation(error.pointer, t);
          return (
            <li key={`${error.pointer} ${error.code} ${JSON.stringify(error.params)}`}>
              {where && <span className="backup-where">{where} </span>}
              {error.pointer && <code>{error.pointer}</code>} {describeBackupError(error, t, language)}
            </li>
          );
        })}
      </ul>
      {errors.length > SHOWN && <p>{t('backup:import.moreErrors', { count: errors.length - SHOWN })}</p>}
    </div>
  );
}
