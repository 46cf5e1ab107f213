import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { STATUS_COLORS, statusLabel, type ReminderStatus } from '../api';

type Props = { status: ReminderStatus | string; size?: 'S' | 'M'; 'data-testid'?: string };

/** A pill in the status's colour: Programmée (blue), Envoyée (green), En échec (red), Annulée (grey), Sans objet (amber). */
export const StatusBadge = ({ status, size = 'M', ...rest }: Props) => {
  const colors = STATUS_COLORS[status as ReminderStatus] ?? STATUS_COLORS.cancelled;
  return (
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
      style={{ borderRadius: 999, whiteSpace: 'nowrap' }}
      data-testid={rest['data-testid']}
      data-status={status}
    >
      <Typography variant="pi" fontWeight="bold" textColor={colors.text}>
        {statusLabel(status)}
      </Typography>
    </Box>
  );
};
