import { useTranslation } from 'react-i18next';
import type { Module, Session } from '@ms/contracts/schedule';
import { AppModal } from '../../components/AppModal.tsx';
import { ModuleForm } from './ModuleForm.tsx';
import { SessionForm } from './SessionForm.tsx';

/** What the schedule dialog is editing; an undefined module or session means "create a new one". */
export type ScheduleEditing =
  | { kind: 'module'; streamId: string; programmeId: string; module?: Module; nextNumber?: number }
  | { kind: 'session'; streamId: string; programmeId: string; session?: Session; moduleId?: string };

/** One dialog for creating and changing modules and sessions (staff), titled after what it does. */
export function ScheduleDialog({ editing, onClose }: { editing: ScheduleEditing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = !editing
    ? ''
    : editing.kind === 'module'
      ? t(editing.module ? 'scheduleForm.editModule' : 'scheduleForm.newModule')
      : t(editing.session ? 'scheduleForm.editSession' : 'scheduleForm.newSession');
  return (
    <AppModal opened={editing !== null} onClose={onClose} title={title}>
      {editing?.kind === 'module' && (
        <ModuleForm streamId={editing.streamId} programmeId={editing.programmeId} module={editing.module} nextNumber={editing.nextNumber} onDone={onClose} />
      )}
      {editing?.kind === 'session' && (
        <SessionForm streamId={editing.streamId} programmeId={editing.programmeId} session={editing.session} moduleId={editing.moduleId} onDone={onClose} />
      )}
    </AppModal>
  );
}
