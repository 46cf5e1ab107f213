import * as React from 'react';
import { Check, Cross, Information } from '@strapi/icons';
import { Pill } from '../../../../reminders/admin/src/components/StatusBadge';
import { STATUS_COLORS, statusLabel, type Status } from '../api';

const ICONS: Record<Status, typeof Check> = { met: Check, not_met: Cross, informational: Information };

/** Colour, icon and word: the status reads without colour too (screen readers, grey printers). */
export const StatusBadge = ({ status, 'data-testid': testId }: { status: Status; 'data-testid'?: string }) => (
  <Pill
    label={statusLabel(status)}
    colors={STATUS_COLORS[status] ?? STATUS_COLORS.informational}
    icon={ICONS[status] ?? Information}
    data-testid={testId}
    data-status={status}
  />
);
