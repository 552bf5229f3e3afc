import type { RegistryWidgetsType } from '@rjsf/utils';
import { ConfirmWidget } from './ConfirmWidget';
import { DateRangeWidget, DateTimeRangeWidget } from './DateRangeWidget';
import { IdNumberWidget } from './IdNumberWidget';
import { MoneyWidget } from './MoneyWidget';
import { PhoneWidget } from './PhoneWidget';
import { QrCodeWidget } from './QrCodeWidget';
import { RatingWidget } from './RatingWidget';
import { StaffWidget } from './StaffWidget';
import { PhotoWidget, UploadWidget } from './UploadWidget';
import { UnitWidget } from './UnitWidget';

/** `ui:widget` name → domain widget. These names are the designer palette's contract (README.md). */
export const estateWidgets: RegistryWidgetsType = {
  unit: UnitWidget,
  phone: PhoneWidget,
  idNumber: IdNumberWidget,
  money: MoneyWidget,
  dateRange: DateRangeWidget,
  dateTimeRange: DateTimeRangeWidget,
  upload: UploadWidget,
  photos: PhotoWidget,
  confirm: ConfirmWidget,
  staff: StaffWidget,
  rating: RatingWidget,
  qrCode: QrCodeWidget,
};

export const estateWidgetNames = Object.keys(estateWidgets);
