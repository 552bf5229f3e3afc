import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import type { EstateFormProps } from '../../forms/EstateForm';

// RJSF and AJV are the heaviest part of the portal; they load only when a form is on screen.
const EstateForm = lazy(() => import('../../forms/EstateForm').then((module) => ({ default: module.EstateForm })));

export function LazyEstateForm(props: EstateFormProps) {
  return (
    <Suspense fallback={<Spin className="ef-page-spin" />}>
      <EstateForm {...props} />
    </Suspense>
  );
}
