/**
 * The pages' one stylesheet, served from this origin (CSP `style-src 'self'`, no
 * inline styles). Mobile first: one column at 375 px, a filter grid from 48 rem.
 * Colours keep WCAG AA contrast (text 15:1, links and buttons above 5:1).
 */
export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1f;background:#fff}
body{margin:0}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f9b800;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.wrap{max-width:60rem;margin:0 auto;padding:1rem}
.site-header{border-bottom:1px solid #d0d0d7}
.brand{display:flex;align-items:center;gap:.75rem;text-decoration:none;color:inherit}
.brand img{width:48px;height:48px;object-fit:contain}
.brand span{font-weight:700;font-size:1.25rem}
h1{font-size:1.75rem;line-height:1.2;margin:1rem 0 .5rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.intro{color:#3d3d45;max-width:45rem}
.filters{display:grid;gap:.75rem;grid-template-columns:1fr;margin:1rem 0;padding:1rem;background:#f4f4f7;border-radius:.5rem}
.filters .search{grid-column:1/-1}
@media (min-width:48rem){.filters{grid-template-columns:repeat(3,1fr)}}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=tel],input[type=url],input[type=search],select,textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #6b6b75;border-radius:.25rem;background:#fff;color:inherit}
textarea{min-height:8rem}
input[type=file]{font:inherit;max-width:100%}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;grid-column:1/-1}
.button{display:inline-block;font:inherit;font-weight:600;background:#0b57d0;color:#fff;border:0;border-radius:.25rem;padding:.6rem 1.2rem;text-decoration:none;cursor:pointer}
.button:hover{background:#0842a0}
.total{font-weight:600}
.postings{list-style:none;margin:0;padding:0}
.postings li{padding:.75rem 0;border-bottom:1px solid #e3e3e8}
.postings a{font-weight:600;font-size:1.1rem}
.meta{color:#4a4a52;margin:.25rem 0 0;font-size:.95rem}
.pager{display:flex;justify-content:space-between;margin:1.5rem 0}
.empty{padding:1.5rem;background:#f4f4f7;border-radius:.5rem}
.categories{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0 0 1rem;color:#3d3d45}
.salary{font-weight:600}
.content{max-width:45rem;overflow-wrap:anywhere}
.apply-bar{margin:2rem 0}
.field{margin:0 0 1.25rem;max-width:36rem}
fieldset.field{border:0;padding:0}
.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.25rem 0}
.hint{color:#4a4a52;font-size:.95rem;margin:.1rem 0 .35rem}
.error{color:#b3261e;font-weight:600;margin:.25rem 0}
.field.invalid input,.field.invalid select,.field.invalid textarea{border:2px solid #b3261e}
.error-summary{border:3px solid #b3261e;padding:1rem;margin:1rem 0;max-width:36rem}
.error-summary h2{margin-top:0}
.site-footer{color:#4a4a52;font-size:.9rem;border-top:1px solid #d0d0d7;margin-top:2rem}
`;
