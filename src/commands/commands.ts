// The ribbon's function file (FunctionFile in manifest.xml). The add-in's one button, "Open Consortium Tracker",
// is a ShowTaskpane action that Office carries out itself; this page only has to load and tell Office it is
// ready, which some hosts wait for before enabling the add-in's ribbon buttons.
Office.onReady(() => {
  // No ExecuteFunction commands to register.
});
