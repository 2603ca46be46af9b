export { i18n, detectLanguage, currentLanguage, intlLocale, isLanguage, resources, setLanguage } from './i18n';
export { pickLocalized, formatDay, formatDateTime, formatLastMoment, formatTime, formatList, useFormat } from './format';
