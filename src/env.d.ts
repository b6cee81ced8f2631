declare namespace App {
  interface Locals {
    /** The page's language, from its path (src/middleware.ts). */
    lang: import('./i18n/format.ts').Lang;
  }
}
