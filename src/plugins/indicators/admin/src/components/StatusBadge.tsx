import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { Check, Cross, Information } from '@strapi/icons';
import { STATUS_COLORS, statusLabel, type Status } from '../api';

const ICONS: Record<Status, typeof Check> = { met: Check, not_met: Cross, informational: Information };

/** Colour, icon and word: the status reads without colour too (screen readers, grey printers). */
export const StatusBadge = ({ status, 'data-testid': testId }: { status: Status; 'data-testid'?: string }) => {
  const colors = STATUS_COLORS[status] ?? STATUS_COLORS.informational;
  const Icon = ICONS[status] ?? Information;
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
      paddingTop="2px"
      paddingBottom="2px"
      style={{ borderRadius: 999, whiteSpace: 'nowrap', alignItems: 'center', gap: 4 }}
      data-testid={testId}
      data-status={status}
    >
      <Icon aria-hidden width="1.2rem" height="1.2rem" fill={colors.text} />
      <Typography variant="pi" fontWeight="bold" textColor={colors.text}>
        {statusLabel(status)}
      </Typography>
    </Box>
  );
};
