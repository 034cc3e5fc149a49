/** The part of the `xliff` package (no types of its own) that translation files use: XLIFF 2 to and from its JS form. */
declare module 'xliff' {
  type XliffText = string | Array<string | Record<string, unknown>>;
  interface XliffUnit {
    source: XliffText;
    target?: XliffText;
  }
  interface XliffJs {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export function js2xliff(obj: XliffJs, options?: { indent?: string }): Promise<string>;
  export function xliff2js(xml: string): Promise<XliffJs>;
}
