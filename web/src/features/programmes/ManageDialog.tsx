import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { IntakeForm, StreamForm } from './IntakeForm.tsx';
import type { Intake, Programme, Stream } from './programmes.api.ts';
import { ProgrammeForm } from './ProgrammeForm.tsx';

/** What the programme page's dialog is editing; undefined items mean "create a new one". */
export type Editing =
  | { kind: 'programme'; programme: Programme }
  | { kind: 'intake'; programmeId: string; intake?: Intake }
  | { kind: 'stream'; intakeId: string; stream?: Stream; nextNumber?: number };

/** One dialog for every create/edit on the programme page, titled after what it does. */
export function ManageDialog({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = !editing
    ? ''
    : editing.kind === 'programme'
      ? t('manage.editProgramme')
      : editing.kind === 'intake'
        ? t(editing.intake ? 'manage.editIntake' : 'manage.newIntake')
        : t(editing.stream ? 'manage.editStream' : 'manage.newStream');
  return (
    <AppModal opened={editing !== null} onClose={onClose} title={title}>
      {editing?.kind === 'programme' && <ProgrammeForm programme={editing.programme} onDone={onClose} />}
      {editing?.kind === 'intake' && <IntakeForm programmeId={editing.programmeId} intake={editing.intake} onDone={onClose} />}
      {editing?.kind === 'stream' && <StreamForm intakeId={editing.intakeId} stream={editing.stream} nextNumber={editing.nextNumber} onDone={onClose} />}
    </AppModal>
  );
}
