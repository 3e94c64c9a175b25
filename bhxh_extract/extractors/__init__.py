"""Finding spans: the rule engine (`rules`) and one module per dimension,
each with its rules and its EXAMPLES / NON_EXAMPLES: dates (`dates`, with
their values in `date_values`), document references (`docrefs`), counts,
percents and money (`amounts`), campaigns (`campaigns`)."""
