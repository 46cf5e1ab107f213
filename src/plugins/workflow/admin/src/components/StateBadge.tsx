import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { DEFAULT_COLOR, textOn } from '../api';

type Props = {
  label: string;
  color?: string | null;
  final?: boolean;
  size?: 'S' | 'M';
  'data-testid'?: string;
  'data-state'?: string;
};

/** A pill in the state's own colour. */
export const StateBadge = ({ label, color, final, size = 'M', ...rest }: Props) => {
  const bg = color || DEFAULT_COLOR;
  return (
    <Box
      tag="span"
      display="inline-flex"
      paddingLeft={size === 'S' ? 2 : 3}
      paddingRight={size === 'S' ? 2 : 3}
      paddingTop={size === 'S' ? '2px' : 1}
      paddingBottom={size === 'S' ? '2px' : 1}
      hasRadius
      style={{ backgroundColor: bg, color: textOn(bg), borderRadius: 999, alignItems: 'center', gap: 4 }}
      data-testid={rest['data-testid']}
      data-state={rest['data-state']}
      title={final ? `${label} (étape finale)` : label}
    >
      <Typography variant={size === 'S' ? 'pi' : 'omega'} fontWeight="bold" style={{ color: 'inherit' }}>
        {label}
        {final ? ' ✓' : ''}
      </Typography>
    </Box>
  );
};
