import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import type { Information } from '@strapi/icons';
import { STATUS_COLORS, statusLabel, type ReminderStatus } from '../api';

type PillColors = { background: string; border: string; text: string };
type PillProps = {
  label: string;
  colors: PillColors;
  /** a @strapi/icons component, drawn in the text colour before the label */
  icon?: typeof Information;
  size?: 'S' | 'M';
  'data-testid'?: string;
  'data-status'?: string;
};

/** A bordered pill with a bold label: the status badges of the reminders and the indicators. */
export const Pill = ({ label, colors, icon: Icon, size = 'M', ...data }: PillProps) => (
  <Box
    tag="span"
    display="inline-flex"
    background={colors.background}
    borderColor={colors.border}
    borderStyle="solid"
    borderWidth="1px"
    paddingLeft={2}
    paddingRight={2}
    paddingTop={size === 'S' ? 0 : '2px'}
    paddingBottom={size === 'S' ? 0 : '2px'}
    style={{ borderRadius: 999, whiteSpace: 'nowrap', alignItems: 'center', gap: 4 }}
    {...data}
  >
    {Icon ? <Icon aria-hidden width="1.2rem" height="1.2rem" fill={colors.text} /> : null}
    <Typography variant="pi" fontWeight="bold" textColor={colors.text}>
      {label}
    </Typography>
  </Box>
);

type Props = { status: ReminderStatus | string; size?: 'S' | 'M'; 'data-testid'?: string };

/** A pill in the status's colour: Programmée (blue), Envoyée (green), En échec (red), Annulée (grey), Sans objet (amber). */
export const StatusBadge = ({ status, size = 'M', ...rest }: Props) => (
  <Pill
    label={statusLabel(status)}
    colors={STATUS_COLORS[status as ReminderStatus] ?? STATUS_COLORS.cancelled}
    size={size}
    data-testid={rest['data-testid']}
    data-status={status}
  />
);
