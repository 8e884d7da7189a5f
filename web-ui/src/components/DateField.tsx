import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/nb';
import { useI18n } from '../i18n/i18n';
import { formatDateText, parseDateText } from './dateText';

/**
 * A day (`2026-04-01` in and out, as the API takes it) typed or chosen from a calendar, written in the UI's language
 * ("01.04.2026" on a bokmål page, "1 Apr 2026" on an English one: `dateText.ts`) rather than the browser's, as a native
 * date input would write it. What is typed counts once it is a whole, real day; on leaving the field the text is put
 * back to the day it holds, so what is seen is what is sent. Emptying the field empties the value (''). Each day in
 * the calendar is a button named in full ("1. april 2026"), so it is found by keyboard and screen reader. Label,
 * description, error (aria-invalid) and required are Mantine's, as for a text field.
 */
export function DateField({ value, onChange, ...rest }: Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'> & {
  label: string;
  value: string;
  onChange: (day: string) => void;
  'data-autofocus'?: boolean;
}) {
  const { t, language } = useI18n();
  const locale = language === 'en' ? 'en' : 'nb';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        {...rest}
        withAsterisk={rest.required}
        value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null}
        onChange={(day) => onChange(day ? String(day).slice(0, 10) : '')}
        valueFormat={(day) => formatDateText(day, locale)}
        dateParser={parseDateText}
        allowDeselect
        placeholder={t.datePlaceholder}
        popoverProps={{ withinPortal: true }}
        getDayAriaLabel={(day) => dayjs(day).locale(locale).format(locale === 'nb' ? 'D. MMMM YYYY' : 'D MMMM YYYY')}
        getMonthControlProps={(month) => ({ 'aria-label': dayjs(month).locale(locale).format('MMMM YYYY') })}
        ariaLabels={{ previousMonth: t.previousMonth, nextMonth: t.nextMonth, monthLevelControl: t.chooseMonth,
          nextYear: t.nextYear, previousYear: t.previousYear, nextDecade: t.nextDecade, previousDecade: t.previousDecade,
          yearLevelControl: t.chooseYear }}
      />
    </DatesProvider>
  );
}
