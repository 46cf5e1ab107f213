import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { yearOptions } from '../api';

type Props = { year: number; onChange: (year: number) => void; id?: string };

/** This year and a few before it (and the year of the URL, if it is older). */
export const YearSelect = ({ year, onChange, id = 'indicators-year' }: Props) => {
  const years = yearOptions(new Date().getFullYear(), year);
  return (
    <Field.Root name={id} id={id} width="160px">
      <Field.Label>Année</Field.Label>
      <SingleSelect value={String(year)} onChange={(v: string | number) => onChange(Number(v))}>
        {years.map((y) => (
          <SingleSelectOption key={y} value={String(y)}>
            {String(y)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

