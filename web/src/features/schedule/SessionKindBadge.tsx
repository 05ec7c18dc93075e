import { Badge } from '@mantine/core';
import type { SessionKind } from '@ms/contracts/schedule';
import { useTranslation } from 'react-i18next';

// Dark colours under white text: each kind keeps its own hue and passes 4.5:1 contrast (checked by axe).
const COLOURS: Record<SessionKind, string> = {
  lecture: '#1864ab',
  workshop: '#364fc7',
  strategic_session: '#5f3dc4',
  team_building: '#862e9c',
  walking_tour: '#087f5b',
  site_visit: '#2b6a30',
  open_dialogue: '#0b7285',
  simulator_game: '#a33c00',
  project_defence: '#a61e4d',
  ceremony: '#c92a2a',
};

/** The session's kind as a coloured badge (the text names it, the colour only helps scanning). */
export function SessionKindBadge({ kind }: { kind: SessionKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[kind]} c="#ffffff" variant="filled" radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t(`schedule.kind.${kind}`)}
    </Badge>
  );
}
