/**
 * Function file of the ribbon (manifest FunctionFile). The "Chấm điểm 766" button only opens the
 * task pane (ShowTaskpane), so no ExecuteFunction command is registered; Office still loads this
 * page and waits for Office.onReady.
 */
Office.onReady(() => {
  // Nothing to register: see above.
});
