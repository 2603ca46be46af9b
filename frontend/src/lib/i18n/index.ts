export { i18n, detectLanguage, currentLanguage, intlLocale, isLanguage, loadLanguage, loadMoreTexts, setLanguage, startI18n } from './i18n';
export {
  pickLocalized,
  formatDay,
  formatDayRange,
  formatDateTime,
  formatLastMoment,
  formatTime,
  formatList,
  formatZoneName,
  prepareDateFormats,
  nameCollator,
  sortByName,
  useFormat,
} from './format';
