import * as React from 'react';
import { styled, type DefaultTheme } from 'styled-components';
import { Box, Flex, Typography } from '@strapi/design-system';
import { NO_DATA_HINT, STATUS_COLORS, describeDetails, formatTarget, formatValue, type Indicator } from '../api';
import { StatusBadge } from './StatusBadge';

/** Box has no prop for one border side: the status colour on top of the card. */
const Card = styled(Box)<{ $accent: string }>`
  border-top: 4px solid ${({ theme, $accent }) => theme.colors[$accent as keyof DefaultTheme['colors']] ?? $accent};
`;

/** One indicator: its value in its unit, what it was computed from, the target and the status. */
export const IndicatorCard = ({ indicator }: { indicator: Indicator }) => {
  const empty = indicator.value === null;
  const details = describeDetails(indicator);
  const colors = STATUS_COLORS[indicator.status] ?? STATUS_COLORS.informational;
  return (
    <Card
      $accent={colors.accent}
      tag="article"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={4}
      height="100%"
      data-testid={`indicator-card-${indicator.key}`}
      data-status={indicator.status}
      aria-labelledby={`indicator-${indicator.key}-label`}
    >
      <Flex direction="column" alignItems="stretch" gap={2} height="100%">
        <Typography id={`indicator-${indicator.key}-label`} variant="omega" fontWeight="semiBold" textColor="neutral700" tag="h3">
          {indicator.label}
        </Typography>
        <Flex gap={2} alignItems="baseline" wrap="wrap">
          <Typography variant="alpha" tag="p" textColor={empty ? 'neutral500' : 'neutral800'} data-testid={`indicator-value-${indicator.key}`}>
            {formatValue(indicator.value, indicator.unit)}
          </Typography>
          {empty ? (
            <Typography variant="pi" textColor="neutral600" data-testid={`indicator-empty-${indicator.key}`}>
              {NO_DATA_HINT}
            </Typography>
          ) : null}
        </Flex>
        {details ? (
          <Typography variant="pi" textColor="neutral600" data-testid={`indicator-details-${indicator.key}`}>
            {details}
          </Typography>
        ) : null}
        <Flex gap={2} justifyContent="space-between" alignItems="center" wrap="wrap" marginTop="auto" paddingTop={2}>
          <Typography variant="pi" textColor="neutral600" data-testid={`indicator-target-${indicator.key}`}>
            {indicator.target ? `Objectif ${formatTarget(indicator.target, indicator.unit)}` : 'Sans objectif'}
          </Typography>
          <StatusBadge status={indicator.status} data-testid={`indicator-status-${indicator.key}`} />
        </Flex>
      </Flex>
    </Card>
  );
};
