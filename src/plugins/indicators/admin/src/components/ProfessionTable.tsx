import * as React from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { countTotals, formatCount, professionLabel, type Report } from '../api';

/** Contacts and installations per profession (the server's order: most contacts first), with a total line. */
export const ProfessionTable = ({ rows }: { rows: Report['byProfession'] }) => {
  if (rows.length === 0) {
    return (
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" data-testid="profession-table">
        <Typography textColor="neutral600">Aucun contact ni installation sur la période.</Typography>
      </Box>
    );
  }
  const total = countTotals(rows);
  return (
    <Table colCount={3} rowCount={rows.length + 2} data-testid="profession-table">
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">Profession</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">Contacts</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">Installations</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((r) => (
          <Tr key={r.profession} data-testid={`profession-row-${r.profession}`}>
            <Td>
              <Typography textColor="neutral800">{professionLabel(r.profession)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{formatCount(r.contacts)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{formatCount(r.installations)}</Typography>
            </Td>
          </Tr>
        ))}
        <Tr>
          <Td>
            <Typography fontWeight="bold" textColor="neutral800">
              Total
            </Typography>
          </Td>
          <Td>
            <Typography fontWeight="bold" textColor="neutral800">
              {formatCount(total.contacts)}
            </Typography>
          </Td>
          <Td>
            <Typography fontWeight="bold" textColor="neutral800">
              {formatCount(total.installations)}
            </Typography>
          </Td>
        </Tr>
      </Tbody>
    </Table>
  );
};
