namespace PropertyCare.Web.Components;

/// <summary>Chinese for every key of MudBlazor's LanguageResource (MudBlazor 9.12.0: 155 keys; MudTextsZhTests fails
/// when MudBlazor adds, renames or drops one). Format keys keep MudBlazor's numbered placeholders ({0}, {1} …), the
/// same ones as the English text: a named placeholder or a missing argument throws when the component formats it.
/// Aria labels read by screen readers are worded as short actions ("下一页", "关闭").</summary>
public static class MudTextsZh
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        // Value conversion (shown as the error text of an input)
        ["Converter_ConversionError"] = "转换出错：{0}",
        ["Converter_ConversionFailed"] = "从 {0} 转换为 {1} 失败：{2}",
        ["Converter_ConversionNotImplemented"] = "不支持转换为 {0} 类型",
        ["Converter_InvalidBoolean"] = "不是有效的是/否值",
        ["Converter_InvalidDateTime"] = "不是有效的日期时间",
        ["Converter_InvalidGUID"] = "不是有效的 GUID",
        ["Converter_InvalidNumber"] = "不是有效的数字",
        ["Converter_InvalidTimeSpan"] = "不是有效的时间",
        ["Converter_InvalidType"] = "不是有效的 {0}",
        ["Converter_NotValueOf"] = "不是 {0} 的有效值",
        ["Converter_UnableToConvert"] = "无法从 {1} 类型转换为 {0}",

        ["HeatMap_Less"] = "少",
        ["HeatMap_More"] = "多",

        ["MudAlert_Close"] = "关闭",

        // Date picker ({0} is the month or year being moved to)
        ["MudBaseDatePicker_NextMonth"] = "下个月 {0}",
        ["MudBaseDatePicker_NextYear"] = "下一年 {0}",
        ["MudBaseDatePicker_Open"] = "打开日历",
        ["MudBaseDatePicker_PrevMonth"] = "上个月 {0}",
        ["MudBaseDatePicker_PrevYear"] = "上一年 {0}",
        ["MudDateRangePicker_End"] = "结束日期",
        ["MudDateRangePicker_Start"] = "开始日期",
        ["MudTimePicker_Open"] = "打开时间选择",

        ["MudBreadcrumbs_Label"] = "导航路径",

        ["MudCarousel_Index"] = "第 {0} 项",
        ["MudCarousel_Next"] = "下一项",
        ["MudCarousel_Previous"] = "上一项",

        ["MudChip_Close"] = "移除",

        // Color picker
        ["MudColorPicker_AlphaSlider"] = "透明度滑块",
        ["MudColorPicker_Close"] = "关闭",
        ["MudColorPicker_GridView"] = "网格",
        ["MudColorPicker_HideSwatches"] = "隐藏色板",
        ["MudColorPicker_HueSlider"] = "色相滑块",
        ["MudColorPicker_ModeSwitch"] = "切换模式",
        ["MudColorPicker_Open"] = "打开取色器",
        ["MudColorPicker_PaletteView"] = "调色板",
        ["MudColorPicker_ShowSwatches"] = "显示色板",
        ["MudColorPicker_SpectrumView"] = "色谱",

        // Data grid pager ({0}-{1}: rows shown, {2}: total)
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGridPager_FirstPage"] = "第一页",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} / 共 {2} 条",
        ["MudDataGridPager_LastPage"] = "最后一页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudDataGridPager_RowsPerPage"] = "每页行数：",

        // Data grid: column menu, filters, grouping, editing
        ["MudDataGrid_AddFilter"] = "添加筛选",
        ["MudDataGrid_Apply"] = "应用",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_ClearFilter"] = "清除筛选",
        ["MudDataGrid_CollapseAllGroups"] = "折叠全部分组",
        ["MudDataGrid_CollapseGroup"] = "折叠分组",
        ["MudDataGrid_Column"] = "列",
        ["MudDataGrid_Columns"] = "列",
        ["MudDataGrid_Contains"] = "包含",
        ["MudDataGrid_EndsWith"] = "结尾是",
        ["MudDataGrid_EqualSign"] = "=",
        ["MudDataGrid_Equals"] = "等于",
        ["MudDataGrid_ExpandAllGroups"] = "展开全部分组",
        ["MudDataGrid_ExpandGroup"] = "展开分组",
        ["MudDataGrid_False"] = "否",
        ["MudDataGrid_Filter"] = "筛选",
        ["MudDataGrid_FilterValue"] = "筛选值",
        ["MudDataGrid_GreaterThanOrEqualSign"] = ">=",
        ["MudDataGrid_GreaterThanSign"] = ">",
        ["MudDataGrid_Group"] = "分组",
        ["MudDataGrid_Hide"] = "隐藏列",
        ["MudDataGrid_HideAll"] = "全部隐藏",
        ["MudDataGrid_Is"] = "是",
        ["MudDataGrid_IsAfter"] = "晚于",
        ["MudDataGrid_IsAnyOf"] = "是其中之一",
        ["MudDataGrid_IsBefore"] = "早于",
        ["MudDataGrid_IsEmpty"] = "为空",
        ["MudDataGrid_IsNot"] = "不是",
        ["MudDataGrid_IsNotEmpty"] = "不为空",
        ["MudDataGrid_IsOnOrAfter"] = "不早于",
        ["MudDataGrid_IsOnOrBefore"] = "不晚于",
        ["MudDataGrid_LessThanOrEqualSign"] = "<=",
        ["MudDataGrid_LessThanSign"] = "<",
        ["MudDataGrid_Loading"] = "加载中…",
        ["MudDataGrid_MoveDown"] = "下移",
        ["MudDataGrid_MoveUp"] = "上移",
        ["MudDataGrid_NotContains"] = "不包含",
        ["MudDataGrid_NotEqualSign"] = "!=",
        ["MudDataGrid_NotEquals"] = "不等于",
        ["MudDataGrid_OpenFilters"] = "打开筛选",
        ["MudDataGrid_Operator"] = "条件",
        ["MudDataGrid_RefreshData"] = "刷新数据",
        ["MudDataGrid_RemoveFilter"] = "删除筛选",
        ["MudDataGrid_ReorderColumn"] = "调整列顺序",
        ["MudDataGrid_Save"] = "保存",
        ["MudDataGrid_SelectAllRows"] = "选择所有行",
        ["MudDataGrid_SelectRow"] = "选择行",
        ["MudDataGrid_ShowAll"] = "全部显示",
        ["MudDataGrid_ShowColumnOptions"] = "列选项",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_StartsWith"] = "开头是",
        ["MudDataGrid_ToggleGroupExpansion"] = "展开/折叠分组",
        ["MudDataGrid_True"] = "是",
        ["MudDataGrid_Ungroup"] = "取消分组",
        ["MudDataGrid_Unsort"] = "取消排序",
        ["MudDataGrid_Value"] = "值",

        ["MudDialog_Close"] = "关闭",

        // Prompt before leaving a page with unsaved changes
        ["MudExitPrompt_Cancel"] = "取消",
        ["MudExitPrompt_Exit"] = "确定",
        ["MudExitPrompt_Text"] = "确定离开此页面吗？您所做的更改可能不会保存。",
        ["MudExitPrompt_Title"] = "确认离开",

        // File upload ({0}: file name or count, {1}: limit)
        ["MudFileUpload_Button"] = "选择文件",
        ["MudFileUpload_DragAndDrop"] = "将文件拖到此处，或点击选择文件",
        ["MudFileUpload_FileSizeError"] = "文件“{0}”超过了允许的最大大小 {1} 字节。",
        ["MudFileUpload_MaximumFileCountExceeded"] = "已选择 {0} 个文件，超过了最多 {1} 个的限制",

        ["MudFormComponent_Required"] = "必填",

        ["MudInput_Clear"] = "清除",
        ["MudInput_Decrement"] = "减少",
        ["MudInput_Increment"] = "增加",

        ["MudNavGroup_ToggleExpand"] = "展开/折叠{0}",
        ["MudPageContentNavigation_NavMenu"] = "目录",

        // Pagination ({0}: page number)
        ["MudPagination_CurrentPage"] = "当前第 {0} 页",
        ["MudPagination_FirstPage"] = "第一页",
        ["MudPagination_LastPage"] = "最后一页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_PageIndex"] = "第 {0} 页",
        ["MudPagination_PreviousPage"] = "上一页",

        ["MudRangeInput_End"] = "结束",
        ["MudRangeInput_Start"] = "开始",

        ["MudRatingItem_Label"] = "{0} 分",
        ["MudRating_Label"] = "评分",

        ["MudSelect_SelectAll"] = "全选",
        ["MudSnackbar_Close"] = "关闭",
        ["MudSplitPanel_ResizePanels"] = "调整面板大小",

        ["MudStepper_Complete"] = "完成",
        ["MudStepper_Next"] = "下一步",
        ["MudStepper_Previous"] = "上一步",
        ["MudStepper_Reset"] = "重置",
        ["MudStepper_Skip"] = "跳过",

        ["MudTablePager_FirstPage"] = "第一页",
        ["MudTablePager_LastPage"] = "最后一页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_PreviousPage"] = "上一页",

        ["MudTable_CancelEditRow"] = "取消编辑",
        ["MudTable_CollapseGroup"] = "折叠分组",
        ["MudTable_CommitRow"] = "保存修改",
        ["MudTable_EditRow"] = "编辑行",
        ["MudTable_ExpandGroup"] = "展开分组",
        ["MudTable_Loading"] = "加载中…",
        ["MudTable_SelectAllRows"] = "选择所有行",
        ["MudTable_SelectGroup"] = "选择分组",
        ["MudTable_SelectRow"] = "选择行",

        ["MudTabs_AddTab"] = "添加标签页",
        ["MudTabs_CloseTab"] = "关闭标签页",
        ["MudTabs_ScrollDown"] = "向下滚动标签页",
        ["MudTabs_ScrollLeft"] = "向左滚动标签页",
        ["MudTabs_ScrollRight"] = "向右滚动标签页",
        ["MudTabs_ScrollUp"] = "向上滚动标签页",

        ["MudTreeView_CollapseItem"] = "折叠",
        ["MudTreeView_ExpandItem"] = "展开",
    };
}
