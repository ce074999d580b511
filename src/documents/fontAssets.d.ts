/** A font file the pane's bundle emits as an asset (webpack.config.js, `asset/resource`): its URL. */
declare module '*.woff' {
  const url: string;
  export default url;
}
